using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Filings;

/// <summary>
/// A filing version was sent: fulfils the regulator duty with the authority's reference and the PDF as evidence. A version
/// that lacks fields the authority asks for is marked filed only when the person confirms it was sent like that.
/// </summary>
public sealed class MarkFilingFiled(ComplianceDbContext db, FilingVersions versions, FulfilDuty fulfil)
{
    public sealed record Request(Guid IncidentId, Guid FilingId, Instant FiledAt, string Reference, bool FiledIncomplete = false);

    public const string IncompleteField = "fileIncomplete";

    public async Task<Outcome<Obligation>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var filing = await versions.GetAsync(actor, request.IncidentId, request.FilingId, ct);
        if (!filing.IsOk) return filing.Refusal<Obligation>();
        if (filing.Value!.MissingFields > 0 && !request.FiledIncomplete)
            return Outcome<Obligation>.Invalid(IncompleteField, $"Version {filing.Value.Version} lacks {filing.Value.MissingFields} field(s) this authority asks for. " +
                "Confirm that it was filed like this, or save a complete version first.");
        var duty = await RegulatorDuty.OfAsync(db, request.IncidentId, filing.Value!.Jurisdiction, ct);
        if (duty is null) return Outcome<Obligation>.Invalid("filing", $"There is no open regulator duty for {filing.Value.Jurisdiction} on this incident to fulfil.");
        var name = $"filing-{filing.Value.Jurisdiction}-{filing.Value.Stage}-v{filing.Value.Version}.pdf";
        return await fulfil.HandleAsync(actor, new FulfilDutyRequest(duty.Id, request.FiledAt, request.Reference,
            new EvidenceUpload(name, "application/pdf", filing.Value.Pdf), request.FilingId), ct);
    }
}
