# Behaviour of rras/Set-RrasIkev2Policy.ps1 against stand-ins of the RemoteAccess module
# (contract: docs/scripts.md). Scripts come from the vitest suite as container data.
# Each Context runs the script once in BeforeAll; its tests assert on that run.
param($Scripts, $Data)

BeforeAll {
    $psFolder = Join-Path $PSScriptRoot '../ps'
    . (Join-Path $psFolder 'PesterHelpers.ps1')
    $standIns = Join-Path $psFolder 'StandIns.ps1'

    function Get-ExpectedServerParameter {
        param($Expected)
        $parameters = [ordered]@{ CustomPolicy = $true }
        foreach ($key in $Expected.crypto.Keys) { $parameters[$key] = $Expected.crypto[$key] }
        foreach ($key in $Expected.server.Keys) { $parameters[$key] = $Expected.server[$key] }
        $parameters
    }

    # Puts the server in the state the baseline describes.
    function Set-ServerToBaseline {
        param($Expected)
        $server = $global:StandIn.Server
        $server.CustomPolicy = $true
        $server.Remove('EncryptionType')
        foreach ($key in $Expected.crypto.Keys) { $server[$key] = $Expected.crypto[$key] }
        $server.SALifeTime = $Expected.server.SALifeTimeSeconds
        $server.MMSALifeTime = $Expected.server.MMSALifeTimeSeconds
        $server.SADataSizeForRenegotiation = $Expected.server.SADataSizeForRenegotiationKilobytes
        if ($Expected.server.Contains('IdleDisconnectSeconds')) { $server.IdleDisconnect = $Expected.server.IdleDisconnectSeconds }
    }
}

Describe 'rras <relativePath> (<baselineName>)' -ForEach @($Scripts | Where-Object { -not $_.edgeCase }) {
    Context 'server without a custom policy' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            $run = Invoke-GeneratedScript -Path $path
            $sets = @(Get-StandInCall 'Set-VpnServerConfiguration')
        }

        It 'exits 0' {
            $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
        }

        It 'sets exactly the baseline values' {
            $sets.Count | Should -Be 1 -Because $run.Diagnostics
            $sets[0].ParameterSet | Should -Be 'CustomPolicy'
            $differences = @(Compare-BoundParameter $sets[0] (Get-ExpectedServerParameter $expected))
            $differences | Should -BeNullOrEmpty -Because 'Set-VpnServerConfiguration must receive exactly the baseline values'
            $global:StandIn.Server.DHGroup | Should -Be $expected.crypto.DHGroup
        }

        It 'writes the backup before the change' {
            $sets[0].BackupsAtCall | Should -Match '^rras-ikev2-policy-\d{8}T\d{6}Z\.json$'
            $backup = Get-Content -LiteralPath $run.Backups[0].FullName -Raw | ConvertFrom-Json
            $backup.configuration.CustomPolicy | Should -Be 'False'
            $backup.configuration.EncryptionType | Should -Be 'OptionalEncryption'
        }

        It 'does not restart RemoteAccess without the switch' {
            Get-StandInCall 'Restart-Service' | Should -BeNullOrEmpty
            $run.Log | Should -Match 'restart'
        }
    }

    Context 'server that matches' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            Set-ServerToBaseline $expected
            $run = Invoke-GeneratedScript -Path $path -Parameters @{ RestartRemoteAccess = $true }
        }

        It 'exits 0 without a set call, backup or restart' {
            $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
            Get-StandInCall 'Set-VpnServerConfiguration' | Should -BeNullOrEmpty
            Get-StandInCall 'Restart-Service' | Should -BeNullOrEmpty
            $run.Backups | Should -BeNullOrEmpty
        }
    }

    Context 'read-back of <Field> differs' -ForEach @(@{ Field = 'DHGroup' }, @{ Field = 'SALifeTime' }) {
        BeforeAll {
            . $standIns
            Reset-StandIn
            # Start from a value that differs from the baseline, so an ignored set shows.
            $global:StandIn.Server.SALifeTime = $expected.server.SALifeTimeSeconds + 1
            $global:StandIn.IgnoredFields = @($Field)
            $run = Invoke-GeneratedScript -Path $path
        }

        It 'exits 3 naming the field' {
            $run.ExitCode | Should -Be 3 -Because $run.Diagnostics
            $run.Log | Should -Match "\b$Field\b"
        }
    }

    Context 'enums read back as numbers' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            $global:StandIn.NumericFields = $global:StandInCryptoFields
            $run = Invoke-GeneratedScript -Path $path
        }

        It 'exits 5' {
            $run.ExitCode | Should -Be 5 -Because $run.Diagnostics
        }
    }

    Context '-WhatIf' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            $before = Get-StandInSnapshot
            $run = Invoke-GeneratedScript -Path $path -Parameters @{ WhatIf = $true; RestartRemoteAccess = $true }
        }

        It 'exits 6 and changes nothing' {
            $run.ExitCode | Should -Be 6 -Because $run.Diagnostics
            @($run.Calls | Where-Object Applied) | Should -BeNullOrEmpty
            Get-StandInSnapshot | Should -Be $before
            $run.Backups | Should -BeNullOrEmpty
        }

        It 'still writes the log' {
            $run.Log | Should -Match 'Exit code 6'
        }
    }

    Context '-RestartRemoteAccess' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            $run = Invoke-GeneratedScript -Path $path -Parameters @{ RestartRemoteAccess = $true }
            $restarts = @(Get-StandInCall 'Restart-Service')
        }

        It 'restarts RemoteAccess once, after the set call' {
            $run.ExitCode | Should -Be 0 -Because $run.Diagnostics
            $restarts.Count | Should -Be 1
            @(Compare-BoundParameter $restarts[0] @{ Name = 'RemoteAccess' }) | Should -BeNullOrEmpty
            $commands = @($run.Calls | ForEach-Object Command)
            [array]::IndexOf($commands, 'Restart-Service') | Should -BeGreaterThan ([array]::IndexOf($commands, 'Set-VpnServerConfiguration'))
        }
    }

    Context 'Windows older than the baseline needs' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            $global:StandIn.WindowsVersion = Get-OlderBuild $expected.windows.minServerBuild
            $run = Invoke-GeneratedScript -Path $path
        }

        It 'exits 2 without a set call' {
            $run.ExitCode | Should -Be 2 -Because $run.Diagnostics
            Get-StandInCall 'Set-VpnServerConfiguration' | Should -BeNullOrEmpty
            @(Get-StandInCall 'Get-CimInstance')[0].Parameters.ClassName | Should -Be 'Win32_OperatingSystem'
        }
    }

    Context 'no RemoteAccess module' {
        BeforeAll {
            . $standIns
            Reset-StandIn
            Remove-Item -Path Function:\Set-VpnServerConfiguration
            $run = Invoke-GeneratedScript -Path $path
        }

        It 'exits 2 before reading anything' {
            $run.ExitCode | Should -Be 2 -Because $run.Diagnostics
            Get-StandInCall 'Get-VpnServerConfiguration' | Should -BeNullOrEmpty
        }
    }
}
