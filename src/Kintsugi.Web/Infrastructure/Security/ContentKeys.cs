using System.Security.Cryptography;
using System.Text;
using Kintsugi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kintsugi.Web.Infrastructure.Security;

/// <summary>
/// The key hierarchy for content at rest (SECURITY.md D1): a random key per space for what is
/// shared in it, a random key per person for what is theirs alone, each stored wrapped by a key
/// derived from the master key (which is never in the database). Every value is sealed with
/// AES-256-GCM and bound by associated data to the row and field it belongs to, so a ciphertext
/// copied into another row does not open.
/// </summary>
internal sealed class ContentKeys(AppDbContext db, MasterKey master, TimeProvider time)
{
    private readonly Dictionary<Guid, byte[]> unwrapped = [];
    private byte[]? spaceWrapKey;
    private byte[]? personWrapKey;

    private byte[] SpaceWrapKey => spaceWrapKey ??= master.Derive("content/space-keys");

    private byte[] PersonWrapKey => personWrapKey ??= master.Derive("content/person-keys");

    /// <summary>A fresh key for a new space, and its wrapped form for the space row.</summary>
    public (byte[] Key, byte[] Wrapped) NewSpaceKey(Guid spaceId)
    {
        var key = RandomNumberGenerator.GetBytes(MasterKey.Size);
        unwrapped[spaceId] = key;
        return (key, AesGcmBox.Seal(SpaceWrapKey, key, Bind("space-key", spaceId)));
    }

    public async Task<byte[]> SpaceKeyAsync(Guid spaceId, CancellationToken cancellationToken)
    {
        if (unwrapped.TryGetValue(spaceId, out var key))
        {
            return key;
        }

        var wrapped = await db.Spaces.Where(s => s.Id == spaceId).Select(s => s.WrappedKey).SingleAsync(cancellationToken);
        return unwrapped[spaceId] = AesGcmBox.Open(SpaceWrapKey, wrapped, Bind("space-key", spaceId));
    }

    /// <summary>The person's own key, created the first time they need one.</summary>
    public async Task<byte[]> PersonKeyAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (unwrapped.TryGetValue(userId, out var key))
        {
            return key;
        }

        var wrapped = await db.UserKeys.Where(k => k.UserId == userId).Select(k => k.WrappedKey).SingleOrDefaultAsync(cancellationToken);
        if (wrapped is null)
        {
            var created = RandomNumberGenerator.GetBytes(MasterKey.Size);
            wrapped = AesGcmBox.Seal(PersonWrapKey, created, Bind("person-key", userId));
            var row = new UserKey { UserId = userId, WrappedKey = wrapped, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.UserKeys.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same person's other request created it first: use theirs.
                db.Entry(row).State = EntityState.Detached;
                wrapped = await db.UserKeys.Where(k => k.UserId == userId).Select(k => k.WrappedKey).SingleAsync(cancellationToken);
            }
        }

        return unwrapped[userId] = AesGcmBox.Open(PersonWrapKey, wrapped, Bind("person-key", userId));
    }

    /// <summary>The key an item with this audience is sealed under: the author's own, or the space's.</summary>
    public Task<byte[]> ForAsync(Guid spaceId, Guid authorId, Audience audience, CancellationToken cancellationToken) =>
        audience == Audience.OnlyMe ? PersonKeyAsync(authorId, cancellationToken) : SpaceKeyAsync(spaceId, cancellationToken);

    public static byte[] Seal(byte[] key, string text, string binding) =>
        AesGcmBox.Seal(key, Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(binding));

    public static string Open(byte[] key, byte[] sealedText, string binding) =>
        Encoding.UTF8.GetString(AesGcmBox.Open(key, sealedText, Encoding.UTF8.GetBytes(binding)));

    private static byte[] Bind(string purpose, Guid id) => Encoding.UTF8.GetBytes($"{purpose}:{id:N}");
}
