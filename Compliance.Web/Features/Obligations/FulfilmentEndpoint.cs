using System.Text.Json;
using Compliance.Domain.Json;
using Compliance.Domain.Obligations;
using Compliance.Domain.Workspace;
using NodaTime;

namespace Compliance.Web.Features.Obligations;

/// <summary>
/// POST /obligations/{id}/fulfilment: when the duty was done and the reference received, as JSON, or as
/// multipart/form-data with the same fields and an <c>evidence</c> file (a regulator's receipt) of up to 10 MiB.
/// </summary>
public static class FulfilmentEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/obligations/{id:guid}/fulfilment", HandleAsync)
            .WithTags("Obligations")
            .WithName("FulfilObligation")
            .WithRequestExample("""{ "filedAt": "2019-03-16T09:30:00+08:00", "reference": "PCPD-2019-0316" }""")
            .WithSummary("Record that a duty was done: filedAt, reference and optionally an evidence file (multipart/form-data). " +
                         "Lateness is frozen at the first filing.")
            .Accepts<FulfilmentBody>("application/json", "multipart/form-data")
            .Produces<ObligationResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();

    private static async Task<IResult> HandleAsync(Guid id, HttpContext http, FulfilDuty fulfil, IClock clock, CancellationToken ct)
    {
        JsonDocument? document;
        EvidenceUpload? evidence = null;
        if (http.Request.HasFormContentType)
        {
            var form = await EvidenceForm.ReadAsync(http, ct);
            if (form.Problem is not null) return form.Problem;
            evidence = form.Evidence;
            document = form.Fields;
        }
        else
        {
            var body = await JsonBody.ReadObjectAsync(http.Request, ct);
            if (body.Problem is not null) return body.Problem;
            document = body.Document;
        }

        using (document)
        {
            var reader = new FieldReader();
            var filedAt = reader.Instant(document!.RootElement, "filedAt", "filedAt", required: true);
            var reference = reader.String(document.RootElement, "reference", "reference", required: true, maxLength: 256);
            if (reader.HasErrors) return ApiResults.Invalid(reader.Errors);
            return ApiResults.From(await fulfil.HandleAsync(http.Actor(), new FulfilDutyRequest(id, filedAt!.Value, reference!, evidence), ct),
                o => Results.Ok(ObligationResource.From(o, clock.GetCurrentInstant())));
        }
    }
}
