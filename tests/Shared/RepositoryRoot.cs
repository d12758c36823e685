using System;
using System.IO;

namespace OAuthAudit.Tests.Shared
{
    /// <summary>The repository root, found from the test binaries by the solution file.</summary>
    internal static class RepositoryRoot
    {
        public static string Path { get; } = Find();

        private static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "OAuthAudit.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("OAuthAudit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
