using Kintsugi.Web.Features.Journal;
using Kintsugi.Web.Infrastructure.Http;
using Kintsugi.Web.Infrastructure.Security;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// The Atone stage over JSON, under /api/v1/spaces/{spaceId}: letters of accountability and answers
/// to them, repair commitments with their log, and honest answers.
/// </summary>
internal static class AtoneApi
{
    private static readonly int[] Missing = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];
    private static readonly int[] MissingOrConflict = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static RouteGroupBuilder MapAtoneApi(this RouteGroupBuilder space)
    {
        MapLetters(space.MapGroup("/letters").WithTags("Letters"));
        MapCommitments(space.MapGroup("/commitments").WithTags("Commitments"));
        MapQuestions(space.MapGroup("/questions").WithTags("Honest answers"));
        return space;
    }

    private static void MapLetters(RouteGroupBuilder letters)
    {
        letters.MapGet("/", async (Guid spaceId, ListLetters.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListLetters.Item>>().WithProblems(Missing)
            .WithSummary("The letters you may read, newest first.");
        letters.MapPost("/", async (Guid spaceId, WriteLetter.Request request, WriteLetter.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/letters/{created.Id}", created)))
            .Produces<WriteLetter.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Start a letter of accountability (partners): its first draft, private (onlyMe) unless you choose otherwise.");
        letters.MapGet("/{letterId:guid}", async (Guid spaceId, Guid letterId, GetLetter.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, letterId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetLetter.View>().WithProblems(Missing)
            .WithSummary("One letter. Its author also gets every draft and the apology feedback; readers get the wordings since it was shared and the answers they may read.");
        letters.MapPut("/{letterId:guid}", async (Guid spaceId, Guid letterId, SaveLetter.Request request, SaveLetter.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, letterId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<SaveLetter.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Save a new draft of your letter. Send the version you read; 409 if it changed meanwhile.");
        letters.MapPut("/{letterId:guid}/audience", async (Guid spaceId, Guid letterId, ChangeAudience.Request request, ShareLetter.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, letterId, request, ct)).ToResult(changed => TypedResults.Ok(changed)))
            .Produces<ShareLetter.Changed>().WithProblems(MissingOrConflict)
            .WithSummary("Share your letter, or take it back (onlyMe). Nobody is told when it is taken back.");
        letters.MapDelete("/{letterId:guid}", async (Guid spaceId, Guid letterId, DeleteLetter.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, letterId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Delete your letter and its drafts. Answers others wrote stay theirs.");
        letters.MapPost("/{letterId:guid}/responses", async (Guid spaceId, Guid letterId, Respond request, WriteEntry.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, new WriteEntry.Request { Text = request.Text, Audience = request.Audience, Kind = EntryKind.Response, LetterId = letterId }, ct))
                    .ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/journal/{created.Id}", created)))
            .Produces<WriteEntry.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Answer a letter shared with you. The answer is a journal entry (kind response) with its own audience, private unless you choose; edit or withdraw it under /journal.");
    }

    /// <summary>An answer to a letter: its text and who reads it (onlyMe by default).</summary>
    internal sealed class Respond
    {
        public string Text { get; set; } = "";

        public Audience Audience { get; set; } = Audience.OnlyMe;
    }

    private static void MapCommitments(RouteGroupBuilder commitments)
    {
        commitments.MapGet("/", async (Guid spaceId, ListCommitments.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<CommitmentView>>().WithProblems(Missing)
            .WithSummary("The commitments you may read, with their logs and weekly follow-through.");
        commitments.MapPost("/", async (Guid spaceId, MakeCommitment.Request request, MakeCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/commitments/{created.Id}", created)))
            .Produces<MakeCommitment.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Make a repair commitment (partners): what you will do and how often (eachTime, daily, weekly, other + howOftenWords). Private unless you choose.");
        var one = commitments.MapGroup("/{commitmentId:guid}");
        one.MapGet("/", async (Guid spaceId, Guid commitmentId, GetCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<CommitmentView>().WithProblems(Missing)
            .WithSummary("One commitment with its log, who noticed, and weekly follow-through.");
        one.MapPut("/", async (Guid spaceId, Guid commitmentId, ChangeCommitment.Request request, ChangeCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<ChangeCommitment.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Reword your commitment. Send the version you read; 409 if it changed meanwhile.");
        one.MapPut("/audience", async (Guid spaceId, Guid commitmentId, ChangeAudience.Request request, ShareCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, request, ct)).ToResult(changed => TypedResults.Ok(changed)))
            .Produces<ShareCommitment.Changed>().WithProblems(MissingOrConflict)
            .WithSummary("Choose who reads your commitment and its log.");
        one.MapPut("/ended", async (Guid spaceId, Guid commitmentId, EndCommitment.Request request, EndCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, request, ct)).ToResult(state => TypedResults.Ok(state)))
            .Produces<EndCommitment.State>().WithProblems(Missing)
            .WithSummary("Lay your commitment down (ended: true) or take it up again. The log stays.");
        one.MapDelete("/", async (Guid spaceId, Guid commitmentId, DeleteCommitment.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Delete your commitment with its whole log.");
        one.MapPost("/log", async (Guid spaceId, Guid commitmentId, LogFollowThrough.Request request, LogFollowThrough.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, request, ct)).ToResult(logged => TypedResults.Created((string?)null, logged)))
            .Produces<LogFollowThrough.Logged>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Log how your commitment went on a day (\"2026-11-23\"): kept or not, with an optional note. Only its author can.");
        one.MapDelete("/log/{lineId:guid}", async (Guid spaceId, Guid commitmentId, Guid lineId, DeleteFollowThrough.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, lineId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Remove a line of your own log.");
        one.MapPut("/log/{lineId:guid}/noticed", async (Guid spaceId, Guid commitmentId, Guid lineId, NoticeFollowThrough.Request request, NoticeFollowThrough.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, commitmentId, lineId, request, ct)).ToResult(state => TypedResults.Ok(state)))
            .Produces<NoticeFollowThrough.State>().WithProblems(Missing)
            .WithSummary("Say \"I noticed\" for a kept day of someone else's commitment (noticed: true), or take it back.");
    }

    private static void MapQuestions(RouteGroupBuilder questions)
    {
        questions.MapGet("/", async (Guid spaceId, ListQuestions.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListQuestions.QuestionView>>().WithProblems(Missing)
            .WithSummary("The questions you may read, oldest first, with their answers.");
        questions.MapPost("/", async (Guid spaceId, AskQuestion.Request request, AskQuestion.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created((string?)null, created)))
            .Produces<AskQuestion.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Ask a question to be answered honestly (partners). Audience partners by default; forContainer to take it up in a container.");
        questions.MapPut("/{questionId:guid}/answer", async (Guid spaceId, Guid questionId, AnswerQuestion.Request request, AnswerQuestion.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, questionId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<AnswerQuestion.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("Answer a question someone else asked, or rewrite your answer (version 0 for the first; 409 if it changed meanwhile).");
        questions.MapPut("/{questionId:guid}/for-container", async (Guid spaceId, Guid questionId, MarkForContainer.Request request, MarkForContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, questionId, request, ct)).ToResult(state => TypedResults.Ok(state)))
            .Produces<MarkForContainer.State>().WithProblems(Missing)
            .WithSummary("Mark a question for a container, or take the mark off. The asker and those answering may.");
        questions.MapDelete("/{questionId:guid}", async (Guid spaceId, Guid questionId, DeleteQuestion.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, questionId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Take back your question while it has no answer; 409 once it has one.");
    }
}
