using Kintsugi.Web.Features.Repair;
using Kintsugi.Web.Infrastructure.Http;

namespace Kintsugi.Web.Features.Atone;

/// <summary>
/// Containers and parked items over JSON, under /api/v1/spaces/{spaceId} (the space group, with its
/// SpaceGate): /containers for the time-boxed conversations, /parked for what each partner parked.
/// </summary>
internal static class ContainersApi
{
    private static readonly int[] Missing = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound];
    private static readonly int[] MissingOrConflict = [StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

    public static RouteGroupBuilder MapContainersApi(this RouteGroupBuilder space)
    {
        MapContainers(space.MapGroup("/containers").WithTags("Containers"));
        MapParked(space.MapGroup("/parked").WithTags("Park it"));
        return space;
    }

    private static void MapContainers(RouteGroupBuilder containers)
    {
        containers.MapGet("/", async (Guid spaceId, ListContainers.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListContainers.Item>>().WithProblems(Missing)
            .WithSummary("The containers you are part of: running and planned first (isNext marks the earliest planned), then ended ones.");
        containers.MapPost("/", async (Guid spaceId, PlanContainer.Request request, PlanContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/containers/{created.Id}", created)))
            .Produces<PlanContainer.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Plan a container (partners): local time as typed (\"2026-12-01T19:00\"), 15-180 minutes, withPractitioner, and your IANA timeZone (UTC if left out).");

        var one = containers.MapGroup("/{containerId:guid}");
        one.MapGet("/", async (Guid spaceId, Guid containerId, GetContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<ContainerView>().WithProblems(Missing)
            .WithSummary("One container: plan, state, seconds left, whose turn, the agenda you may read, notes and what happens next.");
        one.MapPut("/plan", async (Guid spaceId, Guid containerId, PlanContainer.Request request, ChangeContainerPlan.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Change a planned container's time, length or practitioner (partners); 409 once it has started.");
        one.MapDelete("/", async (Guid spaceId, Guid containerId, CancelContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Call off a planned container (partners). Its agenda goes back to each author, private.");
        one.MapPut("/started", async (Guid spaceId, Guid containerId, StartContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Start the container now; 409 if it already started.");
        one.MapPut("/speaker", async (Guid spaceId, Guid containerId, PassContainerTurn.Request request, PassContainerTurn.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Give the floor to a partner (membership id), or to nobody, while it runs.");
        one.MapPut("/pause", async (Guid spaceId, Guid containerId, PauseContainer.Request request, PauseContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, request, ct)).ToResult(paused => TypedResults.Ok(paused)))
            .Produces<PauseContainer.Paused>().WithProblems(MissingOrConflict)
            .WithSummary("Pause for 20 minutes or more (the time box stands still); 0 goes on. Nobody is named.");
        one.MapPut("/extended", async (Guid spaceId, Guid containerId, ExtendContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, ct)).ToResult(extended => TypedResults.Ok(extended)))
            .Produces<ExtendContainer.Extended>().WithProblems(MissingOrConflict)
            .WithSummary("Agree on ten more minutes (up to an hour in all).");
        one.MapPut("/closing", async (Guid spaceId, Guid containerId, CloseContainer.Request request, CloseContainer.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<CloseContainer.Saved>().WithProblems(MissingOrConflict)
            .WithSummary("End with notes and what happens next, or correct them later. Send the version you read; 409 if they changed meanwhile.");
        one.MapPut("/agenda/{itemId:guid}", async (Guid spaceId, Guid containerId, Guid itemId, MarkTalkedAbout.Request request, MarkTalkedAbout.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, itemId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Tick an agenda item off as talked about (talkedAbout: true) or not.");
        one.MapPut("/reminder", async (Guid spaceId, Guid containerId, SetContainerReminder.Request request, SetContainerReminder.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, request, ct)).ToResult(reminder => TypedResults.Ok(reminder)))
            .Produces<SetContainerReminder.Reminder>().WithProblems(MissingOrConflict)
            .WithSummary("Ask for a content-free e-mail reminder for yourself (on: true), or stop it. Nobody else sees this.");
        one.MapGet("/invite.ics", async (Guid spaceId, Guid containerId, HttpContext context, ContainerInvite.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, containerId, context.Request.Host.Host, ct)).ToResult(file => TypedResults.File(file.Content, "text/calendar; charset=utf-8", file.FileName)))
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar").WithProblems(Missing)
            .WithSummary("The container as an .ics file with a neutral title (\"" + CalendarFile.Title + "\").");
    }

    private static void MapParked(RouteGroupBuilder parked)
    {
        parked.MapGet("/", async (Guid spaceId, ListParked.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListParked.Item>>().WithProblems(Missing)
            .WithSummary("What you parked (yours only), newest first, with the container whose agenda each is on.");
        parked.MapPost("/", async (Guid spaceId, ParkItem.Request request, ParkItem.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{spaceId}/parked/{created.Id}", created)))
            .Produces<ParkItem.Created>(StatusCodes.Status201Created).WithProblems(Missing)
            .WithSummary("Park a trigger or question for a container (partners). Private until you put it on an agenda.");
        parked.MapPut("/{itemId:guid}", async (Guid spaceId, Guid itemId, ParkItem.Request request, EditParked.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, itemId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(MissingOrConflict)
            .WithSummary("Reword something you parked; 409 once its container has ended (delete it instead).");
        parked.MapDelete("/{itemId:guid}", async (Guid spaceId, Guid itemId, DeleteParked.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, itemId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(Missing)
            .WithSummary("Delete something you parked, from any agenda too.");
        parked.MapPut("/{itemId:guid}/agenda", async (Guid spaceId, Guid itemId, PlaceParked.Request request, PlaceParked.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, itemId, request, ct)).ToResult(placed => TypedResults.Ok(placed)))
            .Produces<PlaceParked.Placed>().WithProblems(MissingOrConflict)
            .WithSummary("Put it on the agenda of a container that has not ended (containerId), or take it off (null: private again).");
    }
}
