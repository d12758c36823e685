using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace OAuthAudit.Module.Tests
{
    /// <summary>
    /// A PowerShell host whose console is a string buffer, so Out-Default renders objects through the module's
    /// format views exactly as a terminal would show them (120 columns wide).
    /// </summary>
    internal sealed class CapturingHost : PSHost
    {
        private readonly CapturingUserInterface _ui = new CapturingUserInterface();

        /// <summary>What the console shows, without the ANSI colour sequences PowerShell 7 adds to headers.</summary>
        public string Text => Regex.Replace(_ui.Text, "\u001b\\[[0-9;]*m", string.Empty);

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "OAuthAudit.Tests";

        public override PSHostUserInterface UI => _ui;

        public override Version Version => new Version(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class CapturingUserInterface : PSHostUserInterface
        {
            private readonly StringBuilder _text = new StringBuilder();

            public string Text
            {
                get
                {
                    lock (_text)
                    {
                        return _text.ToString();
                    }
                }
            }

            public override PSHostRawUserInterface RawUI { get; } = new FixedWidthRawUserInterface();

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new NotSupportedException("tests never prompt");

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
                throw new NotSupportedException("tests never prompt");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new NotSupportedException("tests never prompt");

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
                throw new NotSupportedException("tests never prompt");

            public override string ReadLine() => throw new NotSupportedException("tests never prompt");

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("tests never prompt");

            public override void Write(string value) => Append(value);

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

            public override void WriteLine(string value) => Append(value + "\n");

            public override void WriteErrorLine(string value) => Append(value + "\n");

            public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

            public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

            private void Append(string value)
            {
                lock (_text)
                {
                    _text.Append(value);
                }
            }
        }

        private sealed class FixedWidthRawUserInterface : PSHostRawUserInterface
        {
            public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

            public override Size BufferSize { get; set; } = new Size(120, 9999);

            public override Coordinates CursorPosition { get; set; }

            public override int CursorSize { get; set; }

            public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

            public override bool KeyAvailable => false;

            public override Size MaxPhysicalWindowSize => new Size(120, 9999);

            public override Size MaxWindowSize => new Size(120, 9999);

            public override Coordinates WindowPosition { get; set; }

            public override Size WindowSize { get; set; } = new Size(120, 50);

            public override string WindowTitle { get; set; } = string.Empty;

            public override void FlushInputBuffer()
            {
            }

            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];

            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("tests never read keys");

            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
            {
            }

            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
            {
            }

            public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
            {
            }
        }
    }
}
