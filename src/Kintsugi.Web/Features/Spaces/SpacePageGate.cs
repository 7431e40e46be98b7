using Microsoft.AspNetCore.Components;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The first thing every page inside a space does: someone outside it gets the ordinary 404 page,
/// a partner who has not taken the safety check is sent to it, a practitioner without two-step
/// sign-in is sent to the list of spaces, which says what to do.
/// </summary>
internal sealed class SpacePageGate(SpaceAccess access, NavigationManager navigation)
{
    public async Task<bool> EnterAsync(Guid spaceId, CancellationToken cancellationToken, bool beforeSafetyCheck = false)
    {
        switch (await access.StandingAsync(spaceId, cancellationToken))
        {
            case Standing.Partner or Standing.Practitioner:
                return true;
            case Standing.NeedsSafetyCheck when beforeSafetyCheck:
                return true;
            case Standing.NeedsSafetyCheck:
                navigation.NavigateTo($"/spaces/{spaceId}/safety-check");
                return false;
            case Standing.NeedsTwoFactor when beforeSafetyCheck:
                return true;
            case Standing.NeedsTwoFactor:
                navigation.NavigateTo("/spaces");
                return false;
            default:
                navigation.NotFound();
                return false;
        }
    }
}
