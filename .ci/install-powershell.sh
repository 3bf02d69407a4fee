#!/usr/bin/env bash
# Installs PowerShell 7.6.10 (as a .NET tool) and the Pester 5.7.1 module into .tools/,
# where test/powershell finds them. Reuses both when the right versions are present.
# Needs the .NET SDK and a reachable NuGet feed. PowerShell 7.7.0 fails to run on this
# project's CI machines, so the version is pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

POWERSHELL_VERSION=7.6.10
PESTER_VERSION=5.7.1
TOOLS=.tools
PWSH_DIR="$TOOLS/pwsh"
PESTER_PACKAGES="$TOOLS/nuget"
PESTER_MANIFEST="$PESTER_PACKAGES/pester/$PESTER_VERSION/tools/Pester.psd1"

install_powershell() {
  if [ -x "$PWSH_DIR/pwsh" ] &&
    "$PWSH_DIR/pwsh" -NoLogo -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' |
    grep -qx "$POWERSHELL_VERSION"; then
    echo "PowerShell $POWERSHELL_VERSION already in $PWSH_DIR"
    return
  fi
  rm -rf "$PWSH_DIR"
  dotnet tool install --tool-path "$PWSH_DIR" PowerShell --version "$POWERSHELL_VERSION"
}

install_pester() {
  if [ -f "$PESTER_MANIFEST" ]; then
    echo "Pester $PESTER_VERSION already in $PESTER_PACKAGES"
    return
  fi
  # NuGet only restores packages for a project, so a throwaway project names the package.
  local project
  project="$(mktemp -d)"
  cat >"$project/download-pester.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
PROJECT
  dotnet restore "$project/download-pester.csproj" --packages "$PESTER_PACKAGES"
  rm -rf "$project"
  test -f "$PESTER_MANIFEST"
}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# PowerShell 7.6 ships as a .NET 10 tool, and the Pester download project targets net10.0.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: dotnet not found. Install the .NET 10 SDK, then run this script again." >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: no .NET 10 SDK found (dotnet --list-sdks: $(dotnet --list-sdks | tr '\n' ' ')). Install the .NET 10 SDK." >&2
  exit 1
fi
mkdir -p "$TOOLS"
install_powershell
install_pester
"$PWSH_DIR/pwsh" -NoLogo -NoProfile -Command \
  "Import-Module '$PWD/$PESTER_MANIFEST' -ErrorAction Stop; 'PowerShell ' + \$PSVersionTable.PSVersion + ', Pester ' + (Get-Module Pester).Version"
