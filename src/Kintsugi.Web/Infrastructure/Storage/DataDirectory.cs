namespace Kintsugi.Web.Infrastructure.Storage;

/// <summary>The folder that holds everything the app writes to disk: the SQLite file, mail pickup and keys.</summary>
internal sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathFor(params string[] parts) => Path.Combine([Root, .. parts]);

    public static DataDirectory FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"];
        var root = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return new DataDirectory(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
    }
}
