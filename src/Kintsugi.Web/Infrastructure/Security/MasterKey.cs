using System.Security.Cryptography;
using System.Text;
using Kintsugi.Web.Infrastructure.Storage;

namespace Kintsugi.Web.Infrastructure.Security;

/// <summary>
/// The one secret that is never stored in the database. Everything the app encrypts at rest is
/// wrapped by a key derived from it, so a copy of the database alone reveals nothing.
/// It comes from configuration (<c>Encryption:MasterKey</c>, base64, 32 bytes) or from a key file
/// that is created on first start (<c>data/keys/master.key</c>).
/// </summary>
internal sealed class MasterKey
{
    public const int Size = 32;
    private readonly byte[] key;

    private MasterKey(byte[] key, string source)
    {
        this.key = key;
        Source = source;
    }

    /// <summary>Where the key came from, for the start-up log (never the key itself).</summary>
    public string Source { get; }

    public bool WasCreated { get; private init; }

    /// <summary>A sub-key for one purpose, so that no two uses ever share key material.</summary>
    public byte[] Derive(string purpose, int length = Size) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, length, salt: [], info: Encoding.UTF8.GetBytes("kintsugi:" + purpose));

    public static MasterKey Load(IConfiguration configuration, DataDirectory data)
    {
        var configured = configuration["Encryption:MasterKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured.Trim());
            return bytes.Length == Size
                ? new MasterKey(bytes, "configuration (Encryption:MasterKey)")
                : throw new InvalidOperationException($"Encryption:MasterKey must be {Size} bytes, base64-encoded.");
        }

        var file = configuration["Encryption:MasterKeyFile"] is { Length: > 0 } path ? Path.GetFullPath(path) : data.PathFor("keys", "master.key");
        if (File.Exists(file))
        {
            var bytes = Convert.FromBase64String(File.ReadAllText(file).Trim());
            return bytes.Length == Size
                ? new MasterKey(bytes, file)
                : throw new InvalidOperationException($"The master key file {file} does not hold a {Size}-byte base64 key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var created = RandomNumberGenerator.GetBytes(Size);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(created));
        }

        return new MasterKey(created, file) { WasCreated = true };
    }
}
