# Behaviour of client/Set-DeviceTunnelIkev2Policy.ps1 and Set-UserTunnelIkev2Policy.ps1
# against stand-ins of the VpnClient module (contract: docs/scripts.md). Each Context
# runs the script once in BeforeAll; its tests assert on that run. Edge-case baselines
# (names that stress quoting) run the first Context only.
param($Scripts, $Data)

BeforeAll {
    $psFolder = Join-Path $PSScriptRoot '../ps'
    . (Join-Path $psFolder 'PesterHelpers.ps1')
    $standIns = Join-Path $psFolder 'StandIns.ps1'
    $rasManKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\RasMan\Parameters'

    # Resets the stand-ins and adds connections; device tunnels are all-user connections.
    function Initialize-PhoneBook {
        param([string[]] $Names, [bool] $AllUser, $Policy = $null)
        . $standIns
        Reset-StandIn
        foreach ($name in $Names) {
            $global:StandIn.Connections.Add([pscustomobject]@{
                    Name = $name; AllUserConnection = $AllUser; IPsecCustomPolicy = $Policy
                })
        }
    }

    function Copy-Policy {
        param([System.Collections.IDictionary] $Crypto)
        $policy = [ordered]@{}
        foreach ($key in $Crypto.Keys) { $policy[$key] = $Crypto[$key] }
        $policy
    }

    function Get-ExpectedClientParameter {
        param([string] $Name, $Expected, [bool] $AllUser)
        $parameters = [ordered]@{ ConnectionName = $Name }
        foreach ($key in $Expected.crypto.Keys) { $parameters[$key] = $Expected.crypto[$key] }
        $parameters.Force = $true
        if ($AllUser) { $parameters.AllUserConnection = $true }
        $parameters
    }
}

Describe 'client <relativePath> (<baselineName>)' -ForEach $Scripts {
    BeforeAll {
        $isDevice = $relativePath -match 'DeviceTunnel'
        $kind = if ($isDevice) { 'device' } else { 'user' }
        $names = @($expected.connections | Where-Object { $_.tunnel -eq $kind } | ForEach-Object { $_.name })
    }

    Context 'connections without a custom policy' {
        BeforeAll {
            Initialize-PhoneBook $names $isDevice
            $global:StandIn.Registry[$rasManKey] = @{ NegotiateDH2048_AES256 = 2 }
            $run = Invoke-GeneratedScript -Path $path
            $sets = @(Get-StandInCall 'Set-VpnConnectionIPsecConfiguration')
        }

        It 'exits 0' {
            $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
        }

        It 'sets exactly the baseline values on each connection' {
            $sets.Count | Should -Be $names.Count -Because $run.Diagnostics
            foreach ($set in $sets) {
                $set.ParameterSet | Should -Be 'CustomPolicy'
                $name = $set.Parameters.ConnectionName
                $names | Should -Contain $name
                @(Compare-BoundParameter $set (Get-ExpectedClientParameter $name $expected $isDevice)) | Should -BeNullOrEmpty
            }
            foreach ($connection in $global:StandIn.Connections) {
                $connection.IPsecCustomPolicy.EncryptionMethod | Should -Be $expected.crypto.EncryptionMethod
            }
        }

        It 'reads device tunnels from the all-user phone book only' {
            $gets = @(Get-StandInCall 'Get-VpnConnection')
            $gets.Count | Should -BeGreaterThan 0
            foreach ($get in $gets) {
                $get.Parameters.Contains('AllUserConnection') | Should -Be $isDevice
                $names | Should -Contain $get.Parameters.Name
            }
        }

        if (-not $edgeCase) {
            It 'writes the backup before the change' {
                $prefix = if ($isDevice) { 'device-tunnel-ikev2-policy' } else { 'user-tunnel-ikev2-policy' }
                foreach ($set in $sets) { $set.BackupsAtCall | Should -Match "^$prefix-\d{8}T\d{6}Z\.json$" }
                $backup = Get-Content -LiteralPath $run.Backups[0].FullName -Raw | ConvertFrom-Json
                @($backup.connections | ForEach-Object name) | Should -Be $names
                @($backup.connections | Where-Object { $null -ne $_.ipsecCustomPolicy }) | Should -BeNullOrEmpty
            }
        }

        if (-not $edgeCase) {
            It 'reads NegotiateDH2048_AES256 and warns about it' {
                $reads = @(Get-StandInCall 'Get-ItemProperty')
                $reads.Count | Should -Be 1
                $reads[0].ParameterSet | Should -Be 'LiteralPath'
                $reads[0].Parameters.LiteralPath | Should -Be $rasManKey
                $reads[0].Parameters.Name | Should -Be 'NegotiateDH2048_AES256'
                $run.Output | Should -Match 'NegotiateDH2048_AES256'
            }
        }
    }

    if (-not $edgeCase) {
        Context 'connection in the other phone book' {
            BeforeAll {
                Initialize-PhoneBook $names (-not $isDevice)
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 4 without a set call' {
                $run.ExitCode | Should -Be 4 -Because $run.Diagnostics
                Get-StandInCall 'Set-VpnConnectionIPsecConfiguration' | Should -BeNullOrEmpty
            }
        }
    }

    if (-not $edgeCase) {
        Context 'a connection is missing' {
            BeforeAll {
                Initialize-PhoneBook @($names | Select-Object -Skip 1) $isDevice
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 4 and changes nothing' {
                $run.ExitCode | Should -Be 4 -Because $run.Diagnostics
                Get-StandInCall 'Set-VpnConnectionIPsecConfiguration' | Should -BeNullOrEmpty
                $run.Backups | Should -BeNullOrEmpty
                $run.Log | Should -Match ([regex]::Escape($names[0]))
            }
        }
    }

    if (-not $edgeCase) {
        Context 'every connection matches' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice (Copy-Policy $expected.crypto)
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 0 without a set call or backup' {
                $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
                Get-StandInCall 'Set-VpnConnectionIPsecConfiguration' | Should -BeNullOrEmpty
                $run.Backups | Should -BeNullOrEmpty
            }
        }
    }

    if (-not $edgeCase) {
        Context 'read-back of PfsGroup differs' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice
                $global:StandIn.IgnoredFields = @('PfsGroup')
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 3 naming the connection and the field' {
                $run.ExitCode | Should -Be 3 -Because $run.Diagnostics
                $run.Log | Should -Match '\bPfsGroup\b'
                $run.Log | Should -Match ([regex]::Escape($names[0]))
            }
        }
    }

    if (-not $edgeCase) {
        Context 'enums read back as numbers' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice
                $global:StandIn.NumericFields = $global:StandInCryptoFields
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 5' {
                $run.ExitCode | Should -Be 5 -Because $run.Diagnostics
            }
        }
    }

    if (-not $edgeCase) {
        Context '-WhatIf' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice
                $before = Get-StandInSnapshot
                $run = Invoke-GeneratedScript -Path $path -Parameters @{ WhatIf = $true }
            }

            It 'exits 6 and changes nothing' {
                $run.ExitCode | Should -Be 6 -Because $run.Diagnostics
                @($run.Calls | Where-Object Applied) | Should -BeNullOrEmpty
                Get-StandInSnapshot | Should -Be $before
                $run.Backups | Should -BeNullOrEmpty
            }
        }
    }

    if (-not $edgeCase) {
        Context 'Windows older than the baseline needs' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice
                $global:StandIn.WindowsVersion = Get-OlderBuild $expected.windows.minClientBuild
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 2 without a set call' {
                $run.ExitCode | Should -Be 2 -Because $run.Diagnostics
                Get-StandInCall 'Set-VpnConnectionIPsecConfiguration' | Should -BeNullOrEmpty
            }
        }
    }

    if (-not $edgeCase) {
        Context 'no VpnClient module' {
            BeforeAll {
                Initialize-PhoneBook $names $isDevice
                Remove-Item -Path Function:\Set-VpnConnectionIPsecConfiguration
                $run = Invoke-GeneratedScript -Path $path
            }

            It 'exits 2 before reading anything' {
                $run.ExitCode | Should -Be 2 -Because $run.Diagnostics
                Get-StandInCall 'Get-VpnConnection' | Should -BeNullOrEmpty
            }
        }
    }
}
