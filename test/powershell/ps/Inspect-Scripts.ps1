<#
.SYNOPSIS
Parses scripts with PowerShell's own parser and reports, per script, the parse errors,
the string literals, what Windows PowerShell 5.1 lacks, and calls to the stand-in
commands that would fail to bind (unknown parameter, value outside the accepted set).
Reads a JSON array of paths; writes a JSON array of results.
#>
param(
    [Parameter(Mandatory = $true)] [string] $InputPath,
    [Parameter(Mandatory = $true)] [string] $OutputPath
)
Set-StrictMode -Version 3
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Ps51Compatibility.ps1')
. (Join-Path $PSScriptRoot 'StandIns.ps1')

$language = 'System.Management.Automation.Language'
$standInCommands = @(
    'Get-VpnConnection', 'Set-VpnConnectionIPsecConfiguration', 'Get-VpnServerConfiguration',
    'Set-VpnServerConfiguration', 'Restart-Service', 'Get-ItemProperty', 'Get-CimInstance', 'Get-Service'
)

function Get-StringLiteral {
    param($Ast)
    $nodes = $Ast.FindAll({
            param($node)
            $node -is [System.Management.Automation.Language.StringConstantExpressionAst] -or
            $node -is [System.Management.Automation.Language.ExpandableStringExpressionAst]
        }, $true)
    foreach ($node in $nodes) {
        [pscustomobject]@{
            value      = $node.Value
            expandable = $node -is [System.Management.Automation.Language.ExpandableStringExpressionAst]
            line       = $node.Extent.StartLineNumber
        }
    }
}

function Get-ValidValues {
    param($ParameterMetadata)
    foreach ($attribute in $ParameterMetadata.Attributes) {
        if ($attribute -is [System.Management.Automation.ValidateSetAttribute]) { return $attribute.ValidValues }
    }
    return $null
}

function Find-BindingProblem {
    param($Ast)
    $commands = $Ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($command in $commands) {
        $name = $command.GetCommandName()
        if ($standInCommands -notcontains $name) { continue }
        $result = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($command, $true)
        foreach ($key in $result.BindingExceptions.Keys) {
            [pscustomobject]@{
                line    = $command.Extent.StartLineNumber
                column  = $command.Extent.StartColumnNumber
                message = "$name -${key}: $($result.BindingExceptions[$key].BindingException.Message)"
            }
        }
        foreach ($key in $result.BoundParameters.Keys) {
            $bound = $result.BoundParameters[$key]
            $valid = Get-ValidValues $bound.Parameter
            $value = $bound.ConstantValue
            if ($null -eq $valid -or $null -eq $value -or $bound.Value -isnot [System.Management.Automation.Language.ConstantExpressionAst]) { continue }
            if (-not ($valid -contains [string]$value)) {
                [pscustomobject]@{
                    line    = $bound.Value.Extent.StartLineNumber
                    column  = $bound.Value.Extent.StartColumnNumber
                    message = "$name -$($bound.Parameter.Name) '$value' is not one of the accepted values: $($valid -join ', ')"
                }
            }
        }
    }
}

# Reports each parse error. When the token before it is a string that spans lines, the
# quote that opened it is the likely cause, so its first line is reported too.
function Find-ParseProblem {
    param($Errors, $Tokens)
    $stringKinds = 'StringLiteral', 'StringExpandable', 'HereStringLiteral', 'HereStringExpandable'
    foreach ($parseError in $Errors) {
        [pscustomobject]@{
            line = $parseError.Extent.StartLineNumber; column = $parseError.Extent.StartColumnNumber
            rule = $parseError.ErrorId; message = $parseError.Message
        }
        $previous = $Tokens |
            Where-Object { $_.Extent.EndOffset -le $parseError.Extent.StartOffset -and $_.Kind -notin 'NewLine', 'LineContinuation', 'Comment' } |
            Select-Object -Last 1
        if ($null -ne $previous -and $stringKinds -contains [string]$previous.Kind -and
            $previous.Extent.StartLineNumber -lt $previous.Extent.EndLineNumber) {
            [pscustomobject]@{
                line    = $previous.Extent.StartLineNumber; column = $previous.Extent.StartColumnNumber
                rule    = 'UnclosedString'
                message = "The string that starts here runs to line $($previous.Extent.EndLineNumber), so its closing quote is probably missing (see the parse error at line $($parseError.Extent.StartLineNumber))."
            }
        }
    }
}

$results = foreach ($path in (Get-Content -LiteralPath $InputPath -Raw | ConvertFrom-Json)) {
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($path, [ref]$tokens, [ref]$errors)
    [pscustomobject]@{
        path        = $path
        parseErrors = @(Find-ParseProblem $errors $tokens | Sort-Object line)
        strings     = @(Get-StringLiteral $ast)
        ps51        = @(@(Find-Ps51Incompatibility -Ast $ast) + @(Find-Ps51EncodingFinding -Path $path))
        binding     = @(Find-BindingProblem $ast)
    }
}
ConvertTo-Json -InputObject @($results) -Depth 6 | Set-Content -LiteralPath $OutputPath -Encoding utf8
