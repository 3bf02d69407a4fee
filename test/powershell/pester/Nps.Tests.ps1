# Behaviour of nps/Set-NpsEncryption.ps1 against a netsh stand-in (contract:
# docs/scripts.md). The encryption policy attribute is 0xffffffa7 and the encryption
# types attribute 0xffffffa6 (RAS_ATTRIBUTE_ENCRYPTION_POLICY and _TYPE, Microsoft's
# sdoias.h ATTRIBUTEID enumeration). Each Context runs the script once in BeforeAll.
# Edge-case baselines (names that stress quoting) run the first Context only.
param($Scripts, $Data)

BeforeAll {
    $psFolder = Join-Path $PSScriptRoot '../ps'
    . (Join-Path $psFolder 'PesterHelpers.ps1')
    $standIns = Join-Path $psFolder 'StandIns.ps1'

    # Resets the stand-ins with one network policy holding the given attributes.
    function Initialize-Nps {
        param([string] $Name, [System.Collections.IDictionary] $Attributes = @{})
        . $standIns
        Reset-StandIn
        $policy = [ordered]@{}
        foreach ($key in $Attributes.Keys) { $policy[$key] = $Attributes[$key] }
        $global:StandIn.NpsPolicies[$Name] = $policy
    }

    function Get-NetshLine {
        param([string] $Verb)
        foreach ($call in Get-StandInCall 'netsh') {
            foreach ($line in @($call.Parameters['Script'])) {
                if ($line -match "^\s*nps\s+$Verb\s+np\b") { $line }
            }
        }
    }
}

Describe 'nps <relativePath> (<baselineName>)' -ForEach $Scripts {
    BeforeAll {
        $policyName = $expected.nps.networkPolicy
        $policyValue = [string]$expected.nps.encryptionPolicy
        $typesValue = [string]$expected.nps.encryptionTypes
    }

    Context 'policy without encryption attributes' {
        BeforeAll {
            Initialize-Nps $policyName
            $run = Invoke-GeneratedScript -Path $path
            $sets = @(Get-NetshLine 'set')
        }

        It 'exits 0' {
            $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
        }

        It 'sets exactly the two encryption attributes on the named policy' {
            $sets.Count | Should -Be 1 -Because $run.Diagnostics
            $quotedName = [regex]::Escape("""$policyName""")
            $sets[0] | Should -Match "^\s*nps\s+set\s+np\s+name\s*=\s*$quotedName\s"
            $global:StandIn.NpsPolicies[$policyName]['0xffffffa7'] | Should -Be $policyValue
            $global:StandIn.NpsPolicies[$policyName]['0xffffffa6'] | Should -Be $typesValue
            $global:StandIn.NpsPolicies[$policyName].Count | Should -Be 2
        }

        if (-not $edgeCase) {
            It 'writes the backup before the change' {
                $setCall = @(Get-StandInCall 'netsh' | Where-Object Applied)
                $setCall.Count | Should -Be 1
                $setCall[0].BackupsAtCall | Should -Match '^nps-encryption-\d{8}T\d{6}Z\.txt$'
            }
        }
    }

    if (-not $edgeCase) {
        Context 'policy that matches' {
            BeforeAll {
                Initialize-Nps $policyName @{ '0xffffffa7' = $policyValue; '0xffffffa6' = $typesValue }
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 0 without a set command or backup' {
                $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
                Get-NetshLine 'set' | Should -BeNullOrEmpty
                $run.Backups | Should -BeNullOrEmpty
            }
        }

        Context 'read-back of the encryption types differs' {
            BeforeAll {
                $otherPolicy = if ($policyValue -eq '1') { '2' } else { '1' }
                $otherTypes = if ($typesValue -eq '2') { '4' } else { '2' }
                Initialize-Nps $policyName @{ '0xffffffa7' = $otherPolicy; '0xffffffa6' = $otherTypes }
                $global:StandIn.IgnoredFields = @('0xffffffa6')
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 3 naming the attribute' {
                $run.ExitCode | Should -Be 3 -Because $run.Diagnostics
                $run.Log | Should -Match '0xffffffa6'
            }
        }

        Context 'read-back cannot be parsed' {
            BeforeAll {
                Initialize-Nps $policyName
                $global:StandIn.IgnoredFields = @('0xffffffa6')
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 5' {
                $run.ExitCode | Should -Be 5 -Because $run.Diagnostics
            }
        }

        Context 'network policy is missing' {
            BeforeAll {
                Initialize-Nps 'Another policy'
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 4 without a set command' {
                $run.ExitCode | Should -Be 4 -Because $run.Diagnostics
                Get-NetshLine 'set' | Should -BeNullOrEmpty
            }
        }

        Context 'Network Policy Server not installed' {
            BeforeAll {
                Initialize-Nps $policyName
                [void]$global:StandIn.Services.Remove('IAS')
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 2 without running netsh' {
                $run.ExitCode | Should -Be 2 -Because $run.Diagnostics
                Get-StandInCall 'netsh' | Should -BeNullOrEmpty
            }
        }

        Context '-WhatIf' {
            BeforeAll {
                Initialize-Nps $policyName
                $before = Get-StandInSnapshot
                $run = Invoke-GeneratedScript -Path $path -Parameters @{ WhatIf = $true }
            }

            It 'exits 6 and changes nothing' {
                $run.ExitCode | Should -Be 6 -Because $run.Diagnostics
                Get-NetshLine 'set' | Should -BeNullOrEmpty
                Get-StandInSnapshot | Should -Be $before
                $run.Backups | Should -BeNullOrEmpty
            }
        }
    }
}
