using Compliance.Web.Features.Account;
using NodaTime;

namespace Compliance.Web.Features.Shared;

/// <summary>What every workspace page is built with: who is acting, the zones they read times in, and the clock.</summary>
public sealed record WorkspaceContext(CurrentActor Current, ReaderZones Zones, IClock Clock);
