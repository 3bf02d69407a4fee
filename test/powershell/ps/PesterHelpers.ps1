# Helpers for the Pester suites: run a generated script in this process against the
# stand-ins, observe its exit code, and describe a run for failure messages.

Set-StrictMode -Version 3

<#
.SYNOPSIS
Runs a generated script with -LogPath and -BackupFolder in fresh folders and returns
its exit code, output, log and errors. The script runs in this process, so the
stand-in functions replace the Windows commands; `exit N` in a script invoked with &
ends only the script and sets $LASTEXITCODE.
#>
function Invoke-GeneratedScript {
    param(
        [Parameter(Mandatory = $true)] [string] $Path,
        [hashtable] $Parameters = @{}
    )
    $runFolder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    $logPath = Join-Path $runFolder 'script.log'
    $backupFolder = Join-Path $runFolder 'backup'
    New-Item -ItemType Directory -Path $runFolder | Out-Null
    $global:StandIn.BackupFolder = $backupFolder
    $global:Error.Clear()
    $global:LASTEXITCODE = -1
    $threw = $null
    $output = try {
        & $Path -LogPath $logPath -BackupFolder $backupFolder @Parameters *>&1 | ForEach-Object { "$_" }
    } catch {
        $threw = $_
    }
    $exitCode = $global:LASTEXITCODE
    $log = if (Test-Path -LiteralPath $logPath) { Get-Content -LiteralPath $logPath -Raw -Encoding utf8 } else { '' }
    $backups = @(if (Test-Path -LiteralPath $backupFolder) { Get-ChildItem -LiteralPath $backupFolder -File })
    $run = [pscustomobject]@{
        Path         = $Path
        ExitCode     = $exitCode
        Output       = ($output -join "`n")
        Log          = $log
        Threw        = $threw
        Errors       = @(Format-ScriptError -Path $Path -Records @($global:Error))
        Backups      = $backups
        Calls        = @($global:StandIn.Calls)
    }
    $run | Add-Member -NotePropertyName Diagnostics -NotePropertyValue (Format-Run $run)
    $run
}

# Formats each error as "<script> line <N>: <message>", taking the line in the generated
# script from the invocation or, for errors raised inside a stand-in, the stack trace.
function Format-ScriptError {
    param([string] $Path, [object[]] $Records)
    foreach ($record in $Records) {
        if ($record -isnot [System.Management.Automation.ErrorRecord]) { continue }
        $line = $null
        if ($record.InvocationInfo -and $record.InvocationInfo.ScriptName -eq $Path) {
            $line = $record.InvocationInfo.ScriptLineNumber
        } elseif ($record.ScriptStackTrace -match ([regex]::Escape($Path) + ': line (\d+)')) {
            $line = [int]$Matches[1]
        }
        if ($null -ne $line) { "$Path line ${line}: $($record.Exception.Message)" }
    }
}

function Format-Run {
    param($Run)
    $lines = @("exit code $($Run.ExitCode)")
    if ($Run.Threw) { $lines += "threw: $($Run.Threw)" }
    $lines += @($Run.Errors | Select-Object -Unique)
    $tail = @(($Run.Output -split "`n") | Select-Object -Last 12)
    $lines += 'output (last lines):'
    $lines += $tail
    $lines -join "`n    "
}

function Get-StandInCall {
    param([string] $Command, [object[]] $Calls = @($global:StandIn.Calls))
    $Calls | Where-Object { $_.Command -eq $Command }
}

<#
.SYNOPSIS
Compares a recorded call's bound parameters with the expected ones: the same names and
the same values (switches as $true). Returns one line per difference.
#>
function Compare-BoundParameter {
    param($Call, [System.Collections.IDictionary] $Expected)
    $actual = $Call.Parameters
    foreach ($name in $Expected.Keys) {
        if (-not $actual.Contains($name)) { "missing -$name (expected $($Expected[$name]))"; continue }
        if ([string]$actual[$name] -cne [string]$Expected[$name]) { "-$name is $($actual[$name]), expected $($Expected[$name])" }
    }
    foreach ($name in $actual.Keys) {
        if (-not $Expected.Contains($name)) { "unexpected -$name $($actual[$name])" }
    }
}

function Get-StandInSnapshot {
    ConvertTo-Json -Depth 6 -InputObject @{
        Server      = $global:StandIn.Server
        Connections = @($global:StandIn.Connections)
        Nps         = $global:StandIn.NpsPolicies
    }
}

# Returns a Windows version one build below the given minimum build.
function Get-OlderBuild {
    param([string] $Minimum)
    $version = [version]$Minimum
    '{0}.{1}.{2}' -f $version.Major, $version.Minor, ($version.Build - 1)
}
