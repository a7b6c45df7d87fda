using Compliance.Domain.Rules.Catalogue;

namespace Compliance.Domain.Rules.Engine;

/// <summary>One authority's share of the incident: who is notified, about how many people.</summary>
internal readonly record struct AuthorityScope(string Jurisdiction, Authority Authority, int Count);
