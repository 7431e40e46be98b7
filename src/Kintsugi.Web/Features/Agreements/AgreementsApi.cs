using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Agreements;

/// <summary>
/// Boundaries and agreements over JSON, under /api/v1/spaces/{spaceId}: agreements with versions and
/// signatures, crossings, review dates as a calendar file, and the proactive plan. Views of a crossing
/// are journal entries (POST …/journal with kind "examination" and a crossingId).
/// </summary>
internal static class AgreementsApi
{
    private static readonly int[] Missing = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];
    private static readonly int[] MissingOrConflict = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder space)
    {
        var agreements = space.MapGroup("/agreements").WithTags("Agreements");
        agreements.MapGet("/", async (Guid spaceId, ListAgreements.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<AgreementReader.AgreementView>>().WithProblems(Missing)
            .WithSummary("The agreements of the space with every version, who signed it when, and their state (partners).");
        agreements.MapPost("/", async (Guid spaceId, ProposeAgreement.Request request, ProposeAgreement.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/agreements/{created.Id}", created)))
            .Produces<ProposeAgreement.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Propose an agreement (kind boundary) or offer a transparency promise (kind transparency, with endsOn). Area: sexual, emotional, digital, time, money, other; consequence: endRelationship, seekTherapy, takeSpace, somethingElse (with consequenceWords).");
        agreements.MapGet("/reviews.ics", async (Guid spaceId, HttpContext context, ReviewCalendar.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, context.Request.Host.Host, ct)).ToResult(file => TypedResults.File(file.Content, "text/calendar; charset=utf-8", file.FileName)))
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").WithProblems(Missing)
            .WithSummary("Review dates (and ends of transparency promises) as all-day calendar events with a neutral title.");

        var one = agreements.MapGroup("/{agreementId:guid}");
        one.MapGet("/", async (Guid spaceId, Guid agreementId, GetAgreement.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, agreementId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<AgreementReader.AgreementView>().WithProblems(Missing)
            .WithSummary("One agreement: state, every version with its signatures (server time), and its crossings.");
        one.MapPut("/", async (Guid spaceId, Guid agreementId, AmendAgreement.Request request, AmendAgreement.Handler handler, GetAgreement.Handler get, CancellationToken ct) =>
            {
                var amended = await handler.HandleAsync(spaceId, agreementId, request, ct);
                return amended.Conflict is not null ? await ConflictAsync(amended.Conflict, get, spaceId, agreementId, ct) : amended.ToResult(saved => TypedResults.Ok(saved));
            })
            .Produces<AmendAgreement.Amended>().WithProblems(MissingOrConflict)
            .WithSummary("Amend: the new wording becomes the next version and needs every signature again. Send the version you read; 409 (with the current agreement in \"current\") if it changed meanwhile.");
        one.MapPost("/signature", async (Guid spaceId, Guid agreementId, SignAgreement.Request request, SignAgreement.Handler handler, GetAgreement.Handler get, CancellationToken ct) =>
            {
                var signed = await handler.HandleAsync(spaceId, agreementId, request, ct);
                return signed.Conflict is not null ? await ConflictAsync(signed.Conflict, get, spaceId, agreementId, ct)
                    : signed.Succeeded ? (await get.HandleAsync(spaceId, agreementId, ct)).ToResult(view => TypedResults.Ok(view)) : signed.ToProblem();
            })
            .Produces<AgreementReader.AgreementView>().WithProblems(MissingOrConflict)
            .WithSummary("Sign the version you read ({\"version\": n}); 409 if a newer one exists.");
        one.MapDelete("/signature", async (Guid spaceId, Guid agreementId, WithdrawSignature.Handler handler, GetAgreement.Handler get, CancellationToken ct) =>
            {
                var withdrawn = await handler.HandleAsync(spaceId, agreementId, ct);
                return withdrawn.Succeeded ? (await get.HandleAsync(spaceId, agreementId, ct)).ToResult(view => TypedResults.Ok(view)) : withdrawn.ToProblem();
            })
            .Produces<AgreementReader.AgreementView>().WithProblems(Missing)
            .WithSummary("Take back your signature on the current version; the others then see \"needs re-agreement\".");
        one.MapPost("/crossings", async (Guid spaceId, Guid agreementId, RecordCrossing.Request request, RecordCrossing.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, agreementId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/agreements/{agreementId}/crossings/{created.Id}", created)))
            .Produces<RecordCrossing.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Record that the agreement was crossed (anyone may, themselves included), with a note and who was involved (membership ids).");
        one.MapGet("/crossings/{crossingId:guid}", async (Guid spaceId, Guid agreementId, Guid crossingId, GetCrossing.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, agreementId, crossingId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetCrossing.CrossingView>().WithProblems(Missing)
            .WithSummary("One crossing: the version crossed, where it is (examine, discuss, reset) with its history, and the views you may read.");
        one.MapPut("/crossings/{crossingId:guid}", async (Guid spaceId, Guid agreementId, Guid crossingId, MoveCrossing.Request request, MoveCrossing.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, agreementId, crossingId, request, ct)).ToResult(moved => TypedResults.Ok(moved)))
            .Produces<MoveCrossing.Moved>().WithProblems(MissingOrConflict)
            .WithSummary("Save the discussion (conversationId, discussNotes) and move on: to discuss, or to reset with outcome reaffirm or applyConsequence. To amend, PUT the agreement with this crossingId. Send the version you read.");

        var plan = space.MapGroup("/plan").WithTags("Agreements");
        plan.MapGet("/", async (Guid spaceId, GetPlan.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetPlan.View>().WithProblems(Missing)
            .WithSummary("The proactive plan: misunderstandings, unmet expectations, poor decisions, miscommunication (partners).");
        plan.MapPut("/", async (Guid spaceId, SavePlan.Request request, SavePlan.Handler handler, GetPlan.Handler get, CancellationToken ct) =>
            {
                var saved = await handler.HandleAsync(spaceId, request, ct);
                if (saved.Conflict is null)
                {
                    return saved.ToResult(result => TypedResults.Ok(result));
                }

                var current = (await get.HandleAsync(spaceId, ct)).Value;
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: saved.Conflict, extensions: new Dictionary<string, object?> { ["current"] = current });
            })
            .Produces<SavePlan.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Write the plan together. Send the version you read (0 for an empty plan); 409 (with the current plan in \"current\") if someone saved meanwhile.");
        return space;
    }

    /// <summary>409 with the agreement as it is now, so that nothing anyone typed is lost and the current text is in view.</summary>
    private static async Task<IResult> ConflictAsync(string message, GetAgreement.Handler get, Guid spaceId, Guid agreementId, CancellationToken ct)
    {
        var current = (await get.HandleAsync(spaceId, agreementId, ct)).Value;
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: message, extensions: new Dictionary<string, object?> { ["current"] = current });
    }
}
