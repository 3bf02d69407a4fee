<#
.SYNOPSIS
Runs the Pester suites on generated scripts in one process and writes a JSON summary:
counts and each test's result and failure message.
#>
param(
    [Parameter(Mandatory = $true)] [string] $ManifestPath,
    [Parameter(Mandatory = $true)] [string] $PesterPath,
    [Parameter(Mandatory = $true)] [string] $ResultPath
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -ErrorAction Stop

$manifest = Get-Content -LiteralPath $ManifestPath -Raw | ConvertFrom-Json -AsHashtable
$pesterFolder = Join-Path $PSScriptRoot '../pester'
$containers = foreach ($suite in $manifest.suites) {
    New-PesterContainer -Path (Join-Path $pesterFolder $suite.pester) -Data @{ Scripts = @($suite.scripts); Data = $suite.data }
}

$configuration = New-PesterConfiguration
$configuration.Run.Container = @($containers)
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $configuration

$tests = foreach ($test in $result.Tests) {
    [ordered]@{
        name    = $test.ExpandedPath
        file    = Split-Path -Leaf $test.ScriptBlock.File
        result  = [string]$test.Result
        message = (@($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join "`n")
    }
}
$containerErrors = foreach ($container in $result.Containers) {
    if ($container.Result -eq 'Failed' -and $container.ErrorRecord.Count -gt 0) {
        "$($container.Item): $(@($container.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join '; ')"
    }
}
$summary = [ordered]@{
    version         = [string](Get-Module Pester).Version
    total           = $result.TotalCount
    passed          = $result.PassedCount
    failed          = $result.FailedCount
    skipped         = $result.SkippedCount
    notRun          = $result.NotRunCount
    containerErrors = @($containerErrors)
    tests           = @($tests)
}
ConvertTo-Json -InputObject $summary -Depth 8 | Set-Content -LiteralPath $ResultPath -Encoding utf8
