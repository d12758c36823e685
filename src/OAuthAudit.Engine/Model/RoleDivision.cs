namespace OAuthAudit.Engine.Model
{
    /// <summary>
    /// The API's RoleDivision: one role granted to a client-credentials client in one division
    /// ("*" = all divisions, none = the home division).
    /// </summary>
    public sealed class RoleDivision
    {
        public const string AllDivisions = "*";

        public RoleDivision(string roleId, string? divisionId)
        {
            RoleId = roleId;
            DivisionId = divisionId;
        }

        public string RoleId { get; }

        public string? DivisionId { get; }

        public bool IsAllDivisions => DivisionId == AllDivisions;

        public override string ToString() => RoleId + "@" + (DivisionId ?? "home");
    }
}
