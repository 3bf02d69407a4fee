<#
.SYNOPSIS
Writes, as JSON, the values each parameter of the stand-in set cmdlets accepts
([ValidateSet()]), keyed by command and then parameter.
#>
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'StandIns.ps1')

$values = [ordered]@{}
foreach ($command in 'Set-VpnConnectionIPsecConfiguration', 'Set-VpnServerConfiguration') {
    $parameters = [ordered]@{}
    foreach ($parameter in (Get-Command $command).Parameters.Values) {
        $set = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        if ($set) { $parameters[$parameter.Name] = @($set.ValidValues) }
    }
    $values[$command] = $parameters
}
ConvertTo-Json -InputObject $values -Depth 4
