using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OAuthAudit.Engine.Api;
using OAuthAudit.Engine.Api.Dto;
using OAuthAudit.Engine.Operations;

namespace OAuthAudit.Engine.History
{
    /// <summary>
    /// Reads the organization's audit trail of OAuth clients at a fixed cost whatever the number of clients: the
    /// service mapping (which audit service logs OAuthClient, looked up, never assumed), then one audit query per
    /// service and 30-day interval of the window, run one after another (the API runs one query per organization
    /// at a time).
    /// </summary>
    internal static class OAuthClientHistoryReader
    {
        public const string EntityType = "OAuthClient";
        public const string ServiceMappingPath = "/api/v2/audits/query/servicemapping";

        public static async Task<OAuthClientHistory> ReadAsync(GenesysApiClient api, HistoryQuery query, DateTime now, Action<string>? progress, Operation operation)
        {
            var end = Truncate(now.ToUniversalTime());
            var start = end.AddDays(-query.Days);
            var services = await ServicesAsync(api, operation).ConfigureAwait(false);
            var intervals = AuditIntervals.Split(start, end);
            var messages = new List<AuditLogMessageDto>();
            foreach (var service in services)
            {
                foreach (var (from, to) in intervals)
                {
                    operation.Cancellation.ThrowIfCancellationRequested();
                    var request = new AuditQueryRequestDto
                    {
                        Interval = AuditIntervals.Format(from, to),
                        ServiceName = service,
                        Filters = Filters(query),
                        Sort = new List<AuditQuerySortDto> { new AuditQuerySortDto { Name = "Timestamp", SortOrder = "ascending" } },
                    };
                    operation.Host.Verbose($"Audit query: {service}, {EntityType}, {request.Interval}");
                    messages.AddRange(await AuditQueryRunner.RunAsync(api, request, query, progress, operation).ConfigureAwait(false));
                }
            }

            var wanted = new HashSet<string>(query.ClientIds, StringComparer.OrdinalIgnoreCase);
            var events = ChangeEvents.From(messages.Where(message => wanted.Count == 0 || wanted.Contains(message.Entity!.Id!)));
            return new OAuthClientHistory(start, end, query.ClientIds, events);
        }

        /// <summary>The services whose entity list holds OAuthClient; none is an error (the audit trail cannot be asked).</summary>
        private static async Task<IReadOnlyList<string>> ServicesAsync(GenesysApiClient api, Operation operation)
        {
            var mapping = (await api.GetAsync<AuditQueryServiceMappingDto>(ServiceMappingPath, "AuditQueryServiceMapping", AuditQueryRunner.Permission, operation).ConfigureAwait(false))!;
            var services = (mapping.Services ?? new List<AuditQueryServiceDto>())
                .Where(service => !string.IsNullOrEmpty(service.Name) && (service.Entities ?? new List<AuditQueryEntityDto>()).Any(entity => string.Equals(entity.Name, EntityType, StringComparison.Ordinal)))
                .Select(service => service.Name!)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (services.Length == 0)
            {
                throw new GenesysApiException(ApiFailureKind.InvalidResponse,
                    $"GET {ServiceMappingPath} lists no audit service for the entity type {EntityType} ({mapping.Services?.Count ?? 0} services listed), so the change history of OAuth clients cannot be queried.",
                    new ApiRequestDescription("GET", api.Endpoint.ApiBaseUri.Host, ServiceMappingPath));
            }

            operation.Host.Verbose($"Audit service mapping: {EntityType} is audited by {string.Join(", ", services)}");
            return services;
        }

        /// <summary>Entity type always; the entity id when exactly one client is asked for (several are filtered here, from one query).</summary>
        private static List<AuditQueryFilterDto> Filters(HistoryQuery query)
        {
            var filters = new List<AuditQueryFilterDto> { new AuditQueryFilterDto { Property = AuditQueryFilterDto.EntityType, Value = EntityType } };
            if (query.ClientIds.Count == 1)
            {
                filters.Add(new AuditQueryFilterDto { Property = AuditQueryFilterDto.EntityId, Value = query.ClientIds[0] });
            }

            return filters;
        }

        private static DateTime Truncate(DateTime time) => new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}
