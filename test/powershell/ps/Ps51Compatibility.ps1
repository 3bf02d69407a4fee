# Finds syntax and language features that Windows PowerShell 5.1 lacks, so a script
# that parses under PowerShell 7 is also known to parse and behave the same under 5.1.
# Versions are from Microsoft's "What's New in PowerShell" pages for 6.0 to 7.4 and the
# about_Operators, about_Pipeline_Chain_Operators, about_Functions_Advanced_Methods,
# about_Special_Characters and about_Numeric_Literals help topics.

Set-StrictMode -Version 3

# Cmdlets that Windows PowerShell 5.1 does not have.
$script:CommandsMissingIn51 = @{
    'Join-String'          = '6.2'
    'Test-Json'            = '6.1'
    'Get-Error'            = '7.0'
    'ConvertFrom-Markdown' = '6.1'
    'Show-Markdown'        = '6.1'
    'Remove-Alias'         = '6.0'
    'Remove-Service'       = '6.0'
    'Get-Uptime'           = '6.0'
}

# Parameters added after 5.1 to cmdlets that 5.1 has. Keys are command names, values
# map a parameter to the version that added it.
$script:ParametersMissingIn51 = @{
    'ForEach-Object'   = @{ Parallel = '7.0'; ThrottleLimit = '7.0'; TimeoutSeconds = '7.0'; AsJob = '7.0' }
    'ConvertFrom-Json' = @{ AsHashtable = '6.0'; Depth = '6.2'; NoEnumerate = '7.0' }
    'ConvertTo-Json'   = @{ AsArray = '6.2'; EnumsAsStrings = '7.0'; EscapeHandling = '6.2' }
    'Get-Content'      = @{ AsByteStream = '6.0' }
    'Set-Content'      = @{ AsByteStream = '6.0' }
    'Add-Content'      = @{ AsByteStream = '6.0' }
    'Get-Date'         = @{ AsUTC = '7.1'; UnixTimeSeconds = '7.1' }
    'Split-Path'       = @{ LeafBase = '6.0'; Extension = '6.0' }
    'Select-String'    = @{ Raw = '7.0'; NoEmphasis = '7.0' }
}

# File encodings that 5.1 does not accept for -Encoding.
$script:EncodingsMissingIn51 = @('utf8NoBOM', 'utf8BOM', 'ansi')

# Automatic variables that are $null in 5.1, so a test on them silently goes the other way.
$script:VariablesMissingIn51 = [System.Collections.Generic.HashSet[string]]::new(
    [string[]]@('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle'), [System.StringComparer]::OrdinalIgnoreCase)

# Node types no rule applies to, skipped without a function call.
$script:NodeTypesWithoutFinding = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
        'CommandExpressionAst', 'CommandParameterAst', 'StatementBlockAst', 'NamedBlockAst',
        'ParenExpressionAst', 'SubExpressionAst', 'ArrayLiteralAst', 'ArrayExpressionAst', 'HashtableAst',
        'IfStatementAst', 'ForEachStatementAst', 'ParamBlockAst', 'ParameterAst', 'ConvertExpressionAst',
        'UnaryExpressionAst', 'ScriptBlockExpressionAst', 'FunctionDefinitionAst', 'ReturnStatementAst',
        'TryStatementAst', 'CatchClauseAst', 'NamedAttributeArgumentAst', 'ExitStatementAst', 'SwitchStatementAst'))

# Command names and aliases that invoke ForEach-Object and friends.
$script:CommandAliases = @{
    'foreach' = 'ForEach-Object'
    '%'       = 'ForEach-Object'
    'gc'      = 'Get-Content'
    'cat'     = 'Get-Content'
    'ac'      = 'Add-Content'
    'sc'      = 'Set-Content'
}

function New-Ps51Finding {
    param(
        [Parameter(Mandatory)] [string] $Rule,
        [Parameter(Mandatory)] [System.Management.Automation.Language.Ast] $Ast,
        [Parameter(Mandatory)] [string] $Message
    )
    [pscustomobject]@{
        rule    = $Rule
        line    = $Ast.Extent.StartLineNumber
        column  = $Ast.Extent.StartColumnNumber
        text    = $Ast.Extent.Text
        message = $Message
    }
}

function Resolve-Ps51CommandName {
    param([System.Management.Automation.Language.CommandAst] $Command)
    $name = $Command.GetCommandName()
    if ($null -eq $name) { return $null }
    if ($script:CommandAliases.ContainsKey($name)) { return $script:CommandAliases[$name] }
    foreach ($known in @($script:ParametersMissingIn51.Keys) + @($script:CommandsMissingIn51.Keys)) {
        if ($known -eq $name) { return $known }
    }
    return $name
}

# Matches a parameter as PowerShell does: a unique prefix of the full name.
function Test-Ps51ParameterPrefix {
    param([string] $Written, [string] $Full, [string[]] $AllNames)
    if (-not $Full.StartsWith($Written, [System.StringComparison]::OrdinalIgnoreCase)) { return $false }
    if ($Written.Length -eq $Full.Length) { return $true }
    $matching = @($AllNames | Where-Object { $_.StartsWith($Written, [System.StringComparison]::OrdinalIgnoreCase) })
    return $matching.Count -eq 1
}

function Find-Ps51CommandFinding {
    param([System.Management.Automation.Language.CommandAst] $Command)
    $name = Resolve-Ps51CommandName $Command
    if ($null -eq $name) { return }
    if ($script:CommandsMissingIn51.ContainsKey($name)) {
        New-Ps51Finding 'command' $Command "$name needs PowerShell $($script:CommandsMissingIn51[$name]); Windows PowerShell 5.1 does not have it."
    }
    $missing = $script:ParametersMissingIn51[$name]
    foreach ($element in $Command.CommandElements) {
        if ($element -isnot [System.Management.Automation.Language.CommandParameterAst]) { continue }
        if ($null -ne $missing) {
            # Parameters 5.1 does have count when resolving prefixes such as -Pa.
            $allNames = @($missing.Keys) + @('Process', 'Begin', 'End', 'PipelineVariable', 'MemberName', 'ArgumentList', 'Path', 'Raw', 'Encoding')
            foreach ($parameter in $missing.Keys) {
                if (Test-Ps51ParameterPrefix $element.ParameterName $parameter $allNames) {
                    New-Ps51Finding 'parameter' $element "$name -$parameter needs PowerShell $($missing[$parameter]); Windows PowerShell 5.1 rejects it."
                }
            }
        }
        if ($element.ParameterName -eq 'Encoding') {
            $argument = $element.Argument
            if ($null -eq $argument) {
                $index = [array]::IndexOf(@($Command.CommandElements), $element)
                $argument = $Command.CommandElements[$index + 1]
            }
            if ($argument -is [System.Management.Automation.Language.StringConstantExpressionAst] -and
                $script:EncodingsMissingIn51 -contains $argument.Value) {
                New-Ps51Finding 'encoding' $argument "-Encoding $($argument.Value) needs PowerShell 6.0; Windows PowerShell 5.1 accepts UTF8 (with a byte-order mark), Unicode, ASCII and the like."
            }
        }
    }
}

function Find-Ps51StringFinding {
    param([System.Management.Automation.Language.Ast] $Ast)
    # Only expandable (double-quoted) strings interpret `e and `u{...}.
    if ($Ast.StringConstantType -notin 'DoubleQuoted', 'DoubleQuotedHereString') { return }
    if ($Ast.Extent.Text -cmatch '`u\{') {
        New-Ps51Finding 'escape' $Ast 'The `u{...} escape needs PowerShell 6.0; Windows PowerShell 5.1 prints it as the letters u{...}.'
    }
    if ($Ast.Extent.Text -cmatch '(?<!`)`e') {
        New-Ps51Finding 'escape' $Ast 'The `e (escape character) needs PowerShell 6.0; Windows PowerShell 5.1 prints the letter e.'
    }
}

function Find-Ps51AstFinding {
    param([System.Management.Automation.Language.Ast] $Ast)
    $language = 'System.Management.Automation.Language'
    switch ($Ast.GetType().Name) {
        'TernaryExpressionAst' {
            New-Ps51Finding 'ternary' $Ast 'The ternary operator (a ? b : c) needs PowerShell 7.0; use if/else.'
        }
        'PipelineChainAst' {
            New-Ps51Finding 'pipeline-chain' $Ast "Pipeline chain operators (&& and ||) need PowerShell 7.0; use if (`$?) or try/catch."
        }
        'BinaryExpressionAst' {
            if ($Ast.Operator -eq 'QuestionQuestion') {
                New-Ps51Finding 'null-coalescing' $Ast 'The null-coalescing operator ?? needs PowerShell 7.0; use if ($null -eq ...).'
            }
        }
        'AssignmentStatementAst' {
            if ($Ast.Operator -eq 'QuestionQuestionEquals') {
                New-Ps51Finding 'null-coalescing' $Ast 'The null-coalescing assignment ??= needs PowerShell 7.0; use if ($null -eq ...).'
            }
        }
        { $_ -in 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst' } {
            if ($Ast.NullConditional) {
                New-Ps51Finding 'null-conditional' $Ast 'Null-conditional member access (?. and ?[]) needs PowerShell 7.1; test for $null first.'
            }
        }
        'PipelineAst' {
            if ($Ast.Background) {
                New-Ps51Finding 'background' $Ast 'The background operator & at the end of a pipeline needs PowerShell 6.0; use Start-Job.'
            }
        }
        'ScriptBlockAst' {
            if ($null -ne $Ast.CleanBlock) {
                New-Ps51Finding 'clean-block' $Ast.CleanBlock 'The clean block needs PowerShell 7.3; use end or finally.'
            }
        }
        'CommandAst' { Find-Ps51CommandFinding $Ast }
        'StringConstantExpressionAst' { Find-Ps51StringFinding $Ast }
        'ExpandableStringExpressionAst' { Find-Ps51StringFinding $Ast }
        'ConstantExpressionAst' {
            # about_Numeric_Literals: 0b binary literals and the y, uy, s, us, u, ul and n
            # type suffixes came with PowerShell 6.2 and 7.0.
            if ($Ast.Extent.Text -match '^(0b[01]+\w*|(0x[0-9a-f]+|[0-9.]+(e[+-]?[0-9]+)?)(y|uy|s|us|u|ul|n)(kb|mb|gb|tb|pb)?)$') {
                New-Ps51Finding 'numeric-literal' $Ast 'Binary literals (0b) and the y, uy, s, us, u, ul and n suffixes need PowerShell 6.2 or 7.0; cast a plain number instead.'
            }
        }
        'VariableExpressionAst' {
            if ($script:VariablesMissingIn51 -contains $Ast.VariablePath.UserPath) {
                New-Ps51Finding 'automatic-variable' $Ast "`$$($Ast.VariablePath.UserPath) does not exist in Windows PowerShell 5.1, where it is `$null."
            }
        }
        'TypeConstraintAst' { Find-Ps51TypeFinding $Ast $Ast.TypeName }
        'TypeExpressionAst' { Find-Ps51TypeFinding $Ast $Ast.TypeName }
        'AttributeAst' { Find-Ps51AttributeFinding $Ast }
    }
}

function Find-Ps51TypeFinding {
    param([System.Management.Automation.Language.Ast] $Ast, $TypeName)
    if ($TypeName.Name -in 'semver', 'SemanticVersion', 'System.Management.Automation.SemanticVersion') {
        New-Ps51Finding 'type' $Ast '[semver] needs PowerShell 6.0; use [version].'
    }
}

function Find-Ps51AttributeFinding {
    param([System.Management.Automation.Language.AttributeAst] $Ast)
    if ($Ast.TypeName.Name -eq 'ValidateNotNullOrWhiteSpace') {
        New-Ps51Finding 'attribute' $Ast '[ValidateNotNullOrWhiteSpace()] needs PowerShell 7.4; use [ValidateNotNullOrEmpty()] with a check.'
    }
    if ($Ast.TypeName.Name -eq 'ValidateRange' -and $Ast.PositionalArguments.Count -eq 1) {
        New-Ps51Finding 'attribute' $Ast '[ValidateRange(<range kind>)] needs PowerShell 6.1; give a minimum and a maximum.'
    }
}

function Find-Ps51RequiresFinding {
    param([System.Management.Automation.Language.ScriptBlockAst] $Ast)
    $requirements = $Ast.ScriptRequirements
    if ($null -eq $requirements) { return }
    if ($null -ne $requirements.RequiredPSVersion -and $requirements.RequiredPSVersion -gt [version]'5.1') {
        New-Ps51Finding 'requires' $Ast "#Requires -Version $($requirements.RequiredPSVersion) stops Windows PowerShell 5.1 from running the script."
    }
    if ($requirements.RequiredPSEditions -contains 'Core') {
        New-Ps51Finding 'requires' $Ast '#Requires -PSEdition Core stops Windows PowerShell 5.1 (Desktop edition) from running the script.'
    }
}

<#
.SYNOPSIS
Lists what in a parsed script Windows PowerShell 5.1 cannot parse or runs differently.
Each finding has rule, line, column, text and message.
#>
function Find-Ps51Incompatibility {
    param([Parameter(Mandatory)] [System.Management.Automation.Language.ScriptBlockAst] $Ast)
    Find-Ps51RequiresFinding $Ast
    # A function call per node is slow in PowerShell, so the common node types are
    # screened here with plain tests and only candidates go to Find-Ps51AstFinding.
    foreach ($node in $Ast.FindAll({ $true }, $true)) {
        $typeName = $node.GetType().Name
        if ($script:NodeTypesWithoutFinding.Contains($typeName)) { continue }
        if ($typeName -eq 'VariableExpressionAst') {
            if (-not $script:VariablesMissingIn51.Contains($node.VariablePath.UserPath)) { continue }
        } elseif ($typeName -eq 'StringConstantExpressionAst' -or $typeName -eq 'ExpandableStringExpressionAst') {
            if (-not $node.Extent.Text.Contains('`')) { continue }
        } elseif ($typeName -eq 'PipelineAst') {
            if (-not $node.Background) { continue }
        } elseif ($typeName -eq 'BinaryExpressionAst') {
            if ($node.Operator -ne 'QuestionQuestion') { continue }
        } elseif ($typeName -eq 'AssignmentStatementAst') {
            if ($node.Operator -ne 'QuestionQuestionEquals') { continue }
        } elseif ($typeName -eq 'MemberExpressionAst' -or $typeName -eq 'InvokeMemberExpressionAst' -or $typeName -eq 'IndexExpressionAst') {
            if (-not $node.NullConditional) { continue }
        }
        Find-Ps51AstFinding $node
    }
}

<#
.SYNOPSIS
Checks that a file with non-ASCII text starts with a UTF-8 byte-order mark: without
one, Windows PowerShell 5.1 reads a .ps1 in the ANSI code page and garbles the text.
#>
function Find-Ps51EncodingFinding {
    param([Parameter(Mandatory)] [string] $Path)
    $bytes = [System.IO.File]::ReadAllBytes($Path)
    $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
    $firstNonAscii = [array]::FindIndex($bytes, [Predicate[byte]] { param($b) $b -ge 0x80 })
    if ($hasBom -or $firstNonAscii -lt 0) { return }
    $line = 1 + @($bytes[0..$firstNonAscii] | Where-Object { $_ -eq 10 }).Count
    [pscustomobject]@{
        rule    = 'encoding-bom'
        line    = $line
        column  = 1
        text    = ''
        message = 'The file has non-ASCII text but no UTF-8 byte-order mark, so Windows PowerShell 5.1 reads it in the ANSI code page.'
    }
}
