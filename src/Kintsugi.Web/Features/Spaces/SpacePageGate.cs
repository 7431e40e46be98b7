using Microsoft.AspNetCore.Components;

namespace Kintsugi.Web.Features.Spaces;

/// <summary>
/// The first thing every page inside a space does: someone outside it gets the ordinary 404 page,
/// a partner who has not taken the safety check is sent to it, a practitioner without two-step
/// sign-in is sent to the list of spaces, which says what to do.
/// Pages render their forms only once this has let the person in: a form rendered in the same pass
/// as the not-found page makes the renderer fail, looking for a component it has just removed.
/// </summary>
internal sealed class SpacePageGate(SpaceAccess access, NavigationManager navigation, IHttpContextAccessor http)
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
            case var _ when http.HttpContext?.Request.Method == HttpMethods.Post:
                // A form sent after access ended (a second tab, a withdrawn entry): load the page
                // again, which then answers with the ordinary not-found page.
                navigation.NavigateTo(navigation.Uri);
                return false;
            default:
                navigation.NotFound();
                return false;
        }
    }

    /// <summary>For pages only partners use: a practitioner gets the same 404 as a stranger. The partner, or null when the page must not render.</summary>
    public async Task<Member?> EnterAsPartnerAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        if (!await EnterAsync(spaceId, cancellationToken))
        {
            return null;
        }

        if (await access.PartnerAsync(spaceId, cancellationToken) is { } partner)
        {
            return partner;
        }

        navigation.NotFound();
        return null;
    }
}
