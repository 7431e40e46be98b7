using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Repair;

/// <summary>
/// The repair journey over JSON, under /api/v1/spaces/{spaceId}: what happened, the decision point,
/// the stages, rebuilding conversations and "where we are". Accounts, impact statements and
/// conversation notes are journal entries (POST …/journal with a kind and a link).
/// </summary>
internal static class RepairApi
{
    private static readonly int[] Missing = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];
    private static readonly int[] MissingOrConflict = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static RouteGroupBuilder MapRepairApi(this RouteGroupBuilder space)
    {
        MapBreaches(space.MapGroup("/breaches").WithTags("What happened"));
        MapDecision(space.MapGroup("/decision").WithTags("Decision point"));
        MapConversations(space.MapGroup("/conversations").WithTags("Rebuilding conversations"));

        var stage = space.MapGroup("/stage").WithTags("Stages");
        stage.MapGet("/", async (Guid spaceId, GetStage.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetStage.View>().WithProblems(Missing)
            .WithSummary("The stage the space is in, your own wish to move, and any proposal to go back (partners).");
        stage.MapPut("/move", async (Guid spaceId, MoveStage.Request request, MoveStage.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(result => TypedResults.Ok(result)))
            .Produces<MoveStage.Result>().WithProblems(Missing)
            .WithSummary("Say where you would like to be: the next stage (private), an earlier one (a proposal the others see), or null to take it back.");

        space.MapGet("/where-we-are", async (Guid spaceId, WhereWeAre.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)))
            .WithTags("Spaces").Produces<WhereWeAre.View>().WithProblems(Missing)
            .WithSummary("The space home: the stage, what is waiting for you, what comes next.");
        return space;
    }

    private static void MapBreaches(RouteGroupBuilder breaches)
    {
        breaches.MapGet("/", async (Guid spaceId, ListBreaches.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<BreachView>>().WithProblems(Missing)
            .WithSummary("The breach records you may read, oldest first.");
        breaches.MapPost("/", async (Guid spaceId, RecordBreach.Request request, RecordBreach.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/breaches/{created.Id}", created)))
            .Produces<RecordBreach.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Record a breach (partners). Every field may be left empty; private (onlyMe) unless you choose otherwise.");
        breaches.MapGet("/{breachId:guid}", async (Guid spaceId, Guid breachId, GetBreach.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, breachId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetBreach.View>().WithProblems(Missing)
            .WithSummary("One breach record with the accounts and impact statements about it that you may read.");
        breaches.MapPut("/{breachId:guid}", async (Guid spaceId, Guid breachId, EditBreach.Request request, EditBreach.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, breachId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<EditBreach.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Correct your breach record. Send the version you read; 409 if it changed meanwhile.");
        breaches.MapPut("/{breachId:guid}/audience", async (Guid spaceId, Guid breachId, ChangeAudience.Request request, ChangeBreachAudience.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, breachId, request, ct)).ToResult(changed => TypedResults.Ok(changed)))
            .Produces<ChangeAudience.Changed>().WithProblems(MissingOrConflict)
            .WithSummary("Choose who reads your breach record. Only its author can.");
        breaches.MapDelete("/{breachId:guid}", async (Guid spaceId, Guid breachId, DeleteBreach.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, breachId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Delete your breach record. Accounts others wrote about it stay theirs.");
    }

    private static void MapDecision(RouteGroupBuilder decision)
    {
        decision.MapGet("/", async (Guid spaceId, GetDecision.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetDecision.View>().WithProblems(Missing)
            .WithSummary("The decision point as you see it: your own answer until everyone has answered, then all answers (partners).");
        decision.MapPut("/answer", async (Guid spaceId, AnswerDecision.Request request, AnswerDecision.Handler handler, GetDecision.Handler get, CancellationToken ct) =>
            {
                var answered = await handler.HandleAsync(spaceId, request, ct);
                return answered.Succeeded ? (await get.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)) : answered.ToProblem();
            })
            .Produces<GetDecision.View>().WithProblems(MissingOrConflict)
            .WithSummary("Answer, or change your answer while the round is sealed. Keys from the content: yes/unsure/no, sureness 1-5, path continue/pause/part; any may be skipped.");
        decision.MapPost("/rounds", async (Guid spaceId, OpenRound.Handler handler, GetDecision.Handler get, CancellationToken ct) =>
            {
                var opened = await handler.HandleAsync(spaceId, ct);
                return opened.Succeeded ? (await get.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)) : opened.ToProblem();
            })
            .Produces<GetDecision.View>().WithProblems(MissingOrConflict)
            .WithSummary("Revisit the decision point as a new sealed round, once the current one is open to all.");
    }

    private static void MapConversations(RouteGroupBuilder conversations)
    {
        conversations.MapGet("/", async (Guid spaceId, ListConversations.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListConversations.Item>>().WithProblems(Missing)
            .WithSummary("The rebuilding conversations of the space, newest first (partners).");
        conversations.MapPost("/", async (Guid spaceId, StartConversation.Request request, StartConversation.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/conversations/{created.Id}", created)))
            .Produces<StartConversation.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Start a rebuilding conversation, optionally about a breach you can read.");

        var one = conversations.MapGroup("/{conversationId:guid}");
        one.MapGet("/", async (Guid spaceId, Guid conversationId, GetConversation.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<ConversationView>().WithProblems(Missing)
            .WithSummary("One conversation: step, who has the floor, what was heard, next steps, schedule, and the notes you may read.");
        one.MapPut("/step", async (Guid spaceId, Guid conversationId, MoveToStep.Request request, MoveToStep.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Go to a step: listen, forward, apology or keepTalking. Any order.");
        one.MapPut("/speaker", async (Guid spaceId, Guid conversationId, PassTurn.Request request, PassTurn.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Give the floor to a partner (membership id), or to nobody.");
        one.MapPut("/pause", async (Guid spaceId, Guid conversationId, TakePause.Request request, TakePause.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(paused => TypedResults.Ok(paused)))
            .Produces<TakePause.Paused>().WithProblems(Missing)
            .WithSummary("Call a time-out of 20 minutes or more; 0 resumes. Nobody is named.");
        one.MapPut("/ended", async (Guid spaceId, Guid conversationId, EndConversation.Request request, EndConversation.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Close the conversation for now (ended: true) or open it again.");
        one.MapPost("/reflections", async (Guid spaceId, Guid conversationId, WriteReflection.Request request, WriteReflection.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(created => TypedResults.Created((string?)null, created)))
            .Produces<WriteReflection.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("As a listener, write back what you heard the speaker say.");
        one.MapPut("/reflections/{reflectionId:guid}", async (Guid spaceId, Guid conversationId, Guid reflectionId, AnswerReflection.Request request, AnswerReflection.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, reflectionId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("As the speaker, confirm what was heard, or say what you meant.");
        one.MapPut("/next-steps", async (Guid spaceId, Guid conversationId, SaveNextSteps.Request request, SaveNextSteps.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<SaveNextSteps.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Write the agreed next steps. Send the version you read; 409 if they changed meanwhile.");
        one.MapPut("/schedule", async (Guid spaceId, Guid conversationId, ScheduleNext.Request request, ScheduleNext.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, request, ct)).ToResult(scheduled => TypedResults.Ok(scheduled)))
            .Produces<ScheduleNext.Scheduled>().WithProblems(Missing)
            .WithSummary("Schedule the next conversation in local time (\"2026-12-01T19:00\") with its length in minutes; an empty time clears it.");
        one.MapGet("/next.ics", async (Guid spaceId, Guid conversationId, HttpContext context, CalendarFile.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, conversationId, context.Request.Host.Host, ct)).ToResult(file => TypedResults.File(file.Content, "text/calendar; charset=utf-8", file.FileName)))
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").WithProblems(Missing)
            .WithSummary("The next conversation as an .ics file with a neutral title; 404 if none is scheduled.");
    }
}
