using Kintsugi.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>Spaces, invites, joining and leaving over JSON, under /api/v1/spaces: the same handlers the pages use.</summary>
internal static class SpacesApi
{
    public static RouteGroupBuilder MapSpacesApi(this RouteGroupBuilder api)
    {
        var spaces = api.MapGroup("/spaces").WithTags("Spaces").RequireAuthorization();

        spaces.MapGet("/", async (ListSpaces.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithSummary("The spaces you are in, and the ones you have asked to join (without their names until you are let in).");

        spaces.MapPost("/", async (CreateSpace.Request request, CreateSpace.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToResult(created => TypedResults.Created($"/api/v1/spaces/{created.Id}", created)))
            .Produces<CreateSpace.Created>(StatusCodes.Status201Created).WithProblems()
            .WithSummary("Start a space. You are its first partner; take the safety check next.");

        spaces.MapPost("/join", async (RedeemInvite.Request request, RedeemInvite.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToResult(requested => TypedResults.Accepted((string?)null, requested)))
            .Produces<RedeemInvite.Requested>(StatusCodes.Status202Accepted).WithProblems()
            .RequireRateLimiting(RateLimiting.AuthPolicy)
            .WithSummary("Use an invite code. It becomes a request that every partner of the space must approve.");

        spaces.MapDelete("/requests/{requestId:guid}", async (Guid requestId, CancelJoinRequest.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(requestId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status404NotFound)
            .WithSummary("Withdraw your own request to join.");

        var space = spaces.MapGroup("/{spaceId:guid}").AddEndpointFilter<SpaceGate>();

        space.MapGet("/", async (Guid spaceId, GetSpace.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(view => TypedResults.Ok(view)))
            .Produces<GetSpace.View>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("The space: name, journey, members, and (for partners) its shared values and version.");

        space.MapPut("/", async (Guid spaceId, UpdateSpace.Request request, UpdateSpace.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(saved => TypedResults.Ok(saved)))
            .Produces<UpdateSpace.Saved>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Change the name, journey and shared values. Send the version you read; 409 if a partner saved meanwhile.");

        space.MapPost("/safety-check", async (Guid spaceId, TakeSafetyCheck.Request request, TakeSafetyCheck.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(result => TypedResults.Ok(result)))
            .Produces<TakeSafetyCheck.Result>().WithProblems(StatusCodes.Status404NotFound)
            .WithMetadata(SpaceGate.Open)
            .WithSummary("Take the private safety check (answers yes, no or unsure; each may be left out). Answers are not stored.");

        space.MapPost("/leave", async (Guid spaceId, LeaveSpace.Request request, LeaveSpace.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status404NotFound)
            .WithMetadata(SpaceGate.Open)
            .WithSummary("Leave the space at once. What you wrote is erased, except shared items you choose to leave (keepShared).");

        space.MapGet("/invites", async (Guid spaceId, ListInvites.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListInvites.Item>>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Open invites (partners only). Codes are never shown again.");

        space.MapPost("/invites", async (Guid spaceId, CreateInvite.Request request, CreateInvite.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, request, ct)).ToResult(created => TypedResults.Created((string?)null, created)))
            .Produces<CreateInvite.Created>(StatusCodes.Status201Created).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Invite a partner or a practitioner (partners only). The code and link are in this answer only.");

        space.MapDelete("/invites/{inviteId:guid}", async (Guid spaceId, Guid inviteId, RevokeInvite.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, inviteId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Take back an unused invite.");

        space.MapGet("/join-requests", async (Guid spaceId, ListJoinRequests.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, ct)).ToResult(items => TypedResults.Ok(items)))
            .Produces<IReadOnlyList<ListJoinRequests.Item>>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Requests to join, with the newcomer's chosen name and e-mail address (partners only).");

        space.MapPost("/join-requests/{requestId:guid}/approve", async (Guid spaceId, Guid requestId, ApproveJoin.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, requestId, ct)).ToResult(approved => TypedResults.Ok(approved)))
            .Produces<ApproveJoin.Approved>().WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Approve a request. The newcomer joins when every partner has approved.");

        space.MapPost("/join-requests/{requestId:guid}/decline", async (Guid spaceId, Guid requestId, DeclineJoin.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, requestId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("Decline a request; one partner's no ends it.");

        space.MapDelete("/practitioners/{membershipId:guid}", async (Guid spaceId, Guid membershipId, RemovePractitioner.Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(spaceId, membershipId, ct)).ToResult(_ => TypedResults.NoContent()))
            .Produces(StatusCodes.Status204NoContent).WithProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)
            .WithSummary("End the practitioner's access (any one partner may).");

        return space;
    }
}

/// <summary>
/// Before a space's own endpoints run: a partner who has not taken the safety check, or a
/// practitioner without two-step sign-in, is told what to do (403). Everyone else goes on to the
/// handlers, which answer 404 for anything the person may not see.
/// </summary>
internal sealed class SpaceGate(SpaceAccess access) : IEndpointFilter
{
    /// <summary>Marks the endpoints that work before the safety check: taking it, and leaving.</summary>
    public static readonly object Open = new OpenMarker();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<OpenMarker>() is null
            && http.Request.RouteValues["spaceId"] is string raw && Guid.TryParse(raw, out var spaceId))
        {
            switch (await access.StandingAsync(spaceId, http.RequestAborted))
            {
                case Standing.NeedsSafetyCheck:
                    return Forbidden("Take the private safety check first: POST /api/v1/spaces/{spaceId}/safety-check.");
                case Standing.NeedsTwoFactor:
                    return Forbidden("Turn on two-step sign-in first: a practitioner sees nothing in a space without it.");
            }
        }

        return await next(context);
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yet", detail: detail);

    private sealed class OpenMarker;
}
