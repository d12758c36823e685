using System;
using System.IO;

namespace OAuthAudit.Engine.Tests
{
    /// <summary>A scratch folder deleted when the test ends.</summary>
    internal sealed class TempFiles : IDisposable
    {
        public TempFiles()
        {
            Folder = Path.Combine(Path.GetTempPath(), "oauthaudit-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
        }

        public string Folder { get; }

        public string Write(string name, string content)
        {
            var path = Path.Combine(Folder, name);
            File.WriteAllText(path, content);
            return path;
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
