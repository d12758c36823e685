using System;
using OAuthAudit.Engine.Rules;

namespace OAuthAudit.Yaml
{
    /// <summary>Reads one demand kind's key of a rule mapping.</summary>
    internal sealed class DemandReader
    {
        private readonly Func<YamlMap, Demand?> _read;

        public DemandReader(DemandKind kind, Func<YamlMap, Demand?> read)
        {
            Kind = kind;
            _read = read;
        }

        public DemandKind Kind { get; }

        public Demand? Read(YamlMap map) => _read(map);
    }
}
