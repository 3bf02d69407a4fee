# Behaviour of collectors/collect-server.ps1 and collect-client.ps1 against the stand-ins
# (contract: the scripts' help and the collected format in docs/check.md). Each Context
# runs the script once in BeforeAll; its tests assert on that run. Edge-case baselines
# (names that stress quoting) run the first Context only. The first Context leaves its
# JSON file in $Data.outputFolder, where behaviour.test.ts hands it to check --collected.
param($Scripts, $Data)

BeforeAll {
    $psFolder = Join-Path $PSScriptRoot '../ps'
    . (Join-Path $psFolder 'PesterHelpers.ps1')
    $standIns = Join-Path $psFolder 'StandIns.ps1'
    $rasmanKey = 'HKLM:\SYSTEM\CurrentControlSet\Services\Rasman\Parameters'
    $readCommands = @('Get-VpnServerConfiguration', 'Get-Service', 'netsh', 'Get-VpnConnection', 'Get-CimInstance', 'Get-ItemProperty')

    <#
    .SYNOPSIS
    Runs a collector in this process with -OutFile in a fresh folder and returns what it
    printed, its warnings, whether it threw, the file's bytes and JSON, and the calls.
    #>
    function Invoke-Collector {
        param([string] $Path)
        $outFile = Join-Path $TestDrive ('{0}.json' -f [guid]::NewGuid().ToString('N'))
        $global:Error.Clear()
        $threw = $null
        $output = try {
            & $Path -OutFile $outFile *>&1 | ForEach-Object { $_ }
        } catch {
            $threw = $_
        }
        $bytes = if (Test-Path -LiteralPath $outFile) { [System.IO.File]::ReadAllBytes($outFile) } else { $null }
        $run = [pscustomobject]@{
            Path     = $Path
            OutFile  = $outFile
            Printed  = @($output | Where-Object { $_ -is [string] })
            Warnings = @($output | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message)
            Threw    = $threw
            Bytes    = $bytes
            Json     = if ($bytes) { [System.Text.Encoding]::UTF8.GetString($bytes, 3, $bytes.Length - 3) } else { $null }
            Calls    = @($global:StandIn.Calls)
            Errors   = @(Format-ScriptError -Path $Path -Records @($global:Error))
        }
        $run | Add-Member -NotePropertyName Collected -NotePropertyValue $(if ($run.Json) { $run.Json | ConvertFrom-Json -AsHashtable })
        $run | Add-Member -NotePropertyName Diagnostics -NotePropertyValue (@("threw: $threw") + $run.Errors + $run.Warnings -join "`n    ")
        $run
    }

    # Fails when the run called anything but a read command (no Set-*, no restart).
    function Assert-ReadOnly {
        param($Run)
        $called = @($Run.Calls | ForEach-Object Command)
        $called | Should -Not -BeNullOrEmpty
        foreach ($command in $called) { $readCommands | Should -Contain $command }
    }

    # Keeps the file for check --collected in vitest (first Context of shipped baselines).
    function Save-Collected {
        param($Run, [string] $Baseline, [string] $Kind)
        if (-not $Data.outputFolder -or -not $Run.Bytes) { return }
        $folder = Join-Path $Data.outputFolder $Baseline
        New-Item -ItemType Directory -Force -Path $folder | Out-Null
        Copy-Item -LiteralPath $Run.OutFile -Destination (Join-Path $folder "$Kind.json")
    }

    function Initialize-Server {
        param($Expected, [switch] $CustomPolicy)
        . $standIns
        Reset-StandIn
        if ($CustomPolicy) {
            $server = $global:StandIn.Server
            $server.CustomPolicy = $true
            $server.Remove('EncryptionType')
            foreach ($key in $Expected.crypto.Keys) { $server[$key] = $Expected.crypto[$key] }
            $server.SALifeTime = [uint32]$Expected.server.SALifeTimeSeconds
            $server.MMSALifeTime = [uint32]$Expected.server.MMSALifeTimeSeconds
            $server.SADataSizeForRenegotiation = [uint32]$Expected.server.SADataSizeForRenegotiationKilobytes
            if ($Expected.server.Contains('IdleDisconnectSeconds')) { $server.IdleDisconnect = [uint32]$Expected.server.IdleDisconnectSeconds }
        }
        if (-not $Expected.nps) {
            [void]$global:StandIn.Services.Remove('IAS')
        } else {
            $global:StandIn.NpsPolicies[$Expected.nps.networkPolicy] = [ordered]@{
                '0xffffffa7' = [string]$Expected.nps.encryptionPolicy; '0xffffffa6' = [string]$Expected.nps.encryptionTypes
            }
        }
    }

    # Adds the baseline's connections (device tunnels in the all-user phone book), an MDM
    # profile that belongs to no baseline and, with -WithProfiles, one for each connection.
    function Initialize-Client {
        param($Expected, [string[]] $Skip = @(), [switch] $WithPolicy, [switch] $WithProfiles)
        . $standIns
        Reset-StandIn
        foreach ($connection in $Expected.connections) {
            if ($WithProfiles) {
                $global:StandIn.MdmProfiles.Add(@{ InstanceID = [uri]::EscapeDataString($connection.name); ProfileXML = "&lt;VPNProfile&gt;$($connection.name)" })
            }
            if ($Skip -contains $connection.name) { continue }
            $policy = if ($WithPolicy) { $Expected.crypto.Clone() } else { $null }
            $global:StandIn.Connections.Add([pscustomobject]@{
                    Name = $connection.name; AllUserConnection = ($connection.tunnel -eq 'device'); IPsecCustomPolicy = $policy
                })
        }
        $global:StandIn.MdmProfiles.Add(@{ InstanceID = 'Other%20VPN'; ProfileXML = '&lt;VPNProfile&gt;' })
    }
}

Describe 'collector <relativePath> (<baselineName>)' -ForEach $Scripts {
    # Set once for discovery (which Contexts exist) and once for the run.
    $isServer = $relativePath -match 'collect-server'
    BeforeAll {
        $isServer = $relativePath -match 'collect-server'
        $kind = if ($isServer) { 'server' } else { 'client' }
        $collector = "aovpn-baseline collect-$kind"
    }

    Context 'values as the CIM objects return them (enum-typed)' {
        BeforeAll {
            if ($isServer) { Initialize-Server $expected -CustomPolicy } else { Initialize-Client $expected -WithPolicy }
            $global:StandIn.EnumFields = $global:StandInCryptoFields
            # REG_DWORD 0xFFFFFFFE reads back as Int32 -2.
            $global:StandIn.Registry[$rasmanKey] = @{ NegotiateDH2048_AES256 = -2 }
            $run = Invoke-Collector -Path $path
            if (-not $edgeCase) { Save-Collected $run $baselineName $kind }
        }

        It 'writes UTF-8 with BOM and prints the path' {
            $run.Threw | Should -BeNullOrEmpty -Because $run.Diagnostics
            $run.Bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
            $run.Printed | Should -Be @($run.OutFile)
            $run.Warnings | Should -BeNullOrEmpty
        }

        It 'calls read commands only' {
            Assert-ReadOnly $run
        }

        It 'writes the documented header' {
            @($run.Collected.Keys)[0..3] | Should -Be @('collector', 'formatVersion', 'computerName', 'osVersion')
            $run.Collected.collector | Should -BeExactly $collector
            $run.Collected.formatVersion | Should -Be 1
            $run.Collected.formatVersion | Should -BeOfType [long]
            $run.Collected.osVersion | Should -Match '^\d+\.\d+\.\d+'
        }

        It 'writes enum values as names' {
            $policies = if ($isServer) { @($run.Collected.vpnServerConfiguration) } else { @($run.Collected.connections | ForEach-Object ipsecCustomPolicy) }
            $policies | Should -Not -BeNullOrEmpty
            foreach ($policy in $policies) {
                foreach ($field in $global:StandInCryptoFields) { $policy[$field] | Should -BeExactly $expected.crypto[$field] }
            }
            $run.Json | Should -Not -Match '"(EncryptionMethod|DHGroup|PfsGroup)":\s*\d'
        }

        if ($isServer) {
            It 'reads the server and the NPS policies' {
                $configuration = $run.Collected.vpnServerConfiguration
                $configuration.CustomPolicy | Should -BeExactly 'True'
                $configuration.SALifeTime | Should -BeExactly ([string]$expected.server.SALifeTimeSeconds)
                $configuration.SADataSizeForRenegotiation | Should -BeExactly ([string]$expected.server.SADataSizeForRenegotiationKilobytes)
                $configuration.Contains('EncryptionType') | Should -BeFalse
                (Get-StandInCall 'Get-VpnServerConfiguration').Parameters.Count | Should -Be 0
                (Get-StandInCall 'Get-Service').Parameters.Name | Should -Be 'IAS'
                if ($expected.nps) {
                    @((Get-StandInCall 'netsh').Parameters.Arguments) | Should -Be @('nps', 'show', 'np')
                    $run.Collected.npsNetworkPolicies | Should -Match ([regex]::Escape("= $($expected.nps.networkPolicy)"))
                } else {
                    Get-StandInCall 'netsh' | Should -BeNullOrEmpty
                    $run.Collected.npsNetworkPolicies | Should -BeNullOrEmpty
                }
            }
        } else {
            It 'reads each connection from its phone book' {
                $gets = @(Get-StandInCall 'Get-VpnConnection')
                $gets.Count | Should -Be $expected.connections.Count
                for ($i = 0; $i -lt $gets.Count; $i++) {
                    $gets[$i].Parameters.Name | Should -BeExactly $expected.connections[$i].name
                    $gets[$i].Parameters.Contains('AllUserConnection') | Should -Be ($expected.connections[$i].tunnel -eq 'device')
                }
            }

            It 'writes each connection' {
                $written = @($run.Collected.connections)
                @($written | ForEach-Object name) | Should -Be @($expected.connections | ForEach-Object name)
                @($written | ForEach-Object allUserConnection) | Should -Be @($expected.connections | ForEach-Object { $_.tunnel -eq 'device' })
                @($written | ForEach-Object tunnelType) | Should -Be @($expected.connections | ForEach-Object { 'Ikev2' })
                @($written[0].ipsecCustomPolicy.Keys) | Should -Be @($expected.crypto.Keys)
            }

            It 'reads the MDM bridge and drops profiles of other connections' {
                $cim = @(Get-StandInCall 'Get-CimInstance')
                $cim.Count | Should -Be 1
                $cim[0].Parameters.Namespace | Should -BeExactly 'root\cimv2\mdm\dmmap'
                $cim[0].Parameters.ClassName | Should -BeExactly 'MDM_VPNv2_01'
                $run.Collected.profileXml.Count | Should -Be 0
            }

            It 'writes NegotiateDH2048_AES256 unsigned' {
                $read = @(Get-StandInCall 'Get-ItemProperty')
                $read.Count | Should -Be 1
                $read[0].Parameters.Path | Should -Be $rasmanKey
                $read[0].Parameters.Name | Should -Be 'NegotiateDH2048_AES256'
                $run.Collected.negotiateDh2048Aes256 | Should -BeExactly '4294967294'
            }
        }
    }

    if (-not $edgeCase) {
        Context 'values returned as numbers' {
            BeforeAll {
                if ($isServer) { Initialize-Server $expected -CustomPolicy } else { Initialize-Client $expected -WithPolicy }
                $global:StandIn.NumericFields = $global:StandInCryptoFields
                $run = Invoke-Collector -Path $path
                $policy = if ($isServer) { $run.Collected.vpnServerConfiguration } else { $run.Collected.connections[0].ipsecCustomPolicy }
            }

            # A number has no documented name, so it is written as it came, as a string,
            # which check rejects (enum-value-unknown) rather than guessing.
            It 'writes the number and warns' {
                $run.Threw | Should -BeNullOrEmpty -Because $run.Diagnostics
                Assert-ReadOnly $run
                $number = [string][array]::IndexOf($global:StandInCryptoValues.DHGroup, $expected.crypto.DHGroup)
                $policy.DHGroup | Should -BeExactly $number
                $subject = if ($isServer) { 'DHGroup' } else { "DHGroup of $($expected.connections[0].name)" }
                $run.Warnings | Should -Contain "$subject is the number $number, not a name, so check --collected rejects this file."
            }
        }
    }

    if (-not $edgeCase -and $isServer) {
        Context 'server without a custom policy' {
            BeforeAll {
                Initialize-Server $expected
                $run = Invoke-Collector -Path $path
            }

            It 'writes EncryptionType and no crypto fields' {
                Assert-ReadOnly $run
                $configuration = $run.Collected.vpnServerConfiguration
                $configuration.CustomPolicy | Should -BeExactly 'False'
                $configuration.EncryptionType | Should -BeExactly 'OptionalEncryption'
                foreach ($field in $global:StandInCryptoFields) { $configuration.Contains($field) | Should -BeFalse }
            }
        }

        Context 'no RemoteAccess module and no NPS' {
            BeforeAll {
                Initialize-Server $expected
                Remove-Item -Path Function:\Get-VpnServerConfiguration
                [void]$global:StandIn.Services.Remove('IAS')
                $run = Invoke-Collector -Path $path
            }

            It 'warns and writes null for both' {
                $run.Threw | Should -BeNullOrEmpty -Because $run.Diagnostics
                Assert-ReadOnly $run
                $run.Warnings | Should -Be @('Get-VpnServerConfiguration is not available: the RemoteAccess module is not installed here.')
                $run.Collected.Contains('vpnServerConfiguration') | Should -BeTrue
                $run.Collected.vpnServerConfiguration | Should -BeNullOrEmpty
                $run.Collected.npsNetworkPolicies | Should -BeNullOrEmpty
                Get-StandInCall 'netsh' | Should -BeNullOrEmpty
                $run.Printed | Should -Be @($run.OutFile)
            }
        }
    }

    if (-not $edgeCase -and -not $isServer) {
        Context 'a connection missing, the others without a custom policy' {
            BeforeAll {
                $missing = $expected.connections[0].name
                Initialize-Client $expected -Skip $missing
                $global:StandIn.MdmBridge = $false
                $run = Invoke-Collector -Path $path
            }

            It 'warns and writes the others' {
                $run.Threw | Should -BeNullOrEmpty -Because $run.Diagnostics
                Assert-ReadOnly $run
                $run.Warnings | Should -Contain "Connection $missing not found in this session."
                @($run.Collected.connections | ForEach-Object name) | Should -Be @($expected.connections | Select-Object -Skip 1 | ForEach-Object name)
                foreach ($connection in $run.Collected.connections) {
                    $connection.Contains('ipsecCustomPolicy') | Should -BeTrue
                    $connection.ipsecCustomPolicy | Should -BeNullOrEmpty
                }
            }

            It 'warns without the MDM bridge or the registry value' {
                @($run.Warnings -like 'ProfileXML was not collected: *').Count | Should -Be 1
                , $run.Collected.profileXml | Should -BeOfType [System.Collections.IList]
                $run.Collected.profileXml.Count | Should -Be 0
                $run.Collected.Contains('negotiateDh2048Aes256') | Should -BeTrue
                $run.Collected.negotiateDh2048Aes256 | Should -BeNullOrEmpty
            }
        }

        Context 'connections only in the other phone book' {
            BeforeAll {
                Initialize-Client $expected -WithProfiles
                foreach ($connection in $global:StandIn.Connections) { $connection.AllUserConnection = -not $connection.AllUserConnection }
                $run = Invoke-Collector -Path $path
            }

            It 'writes no connection' {
                Assert-ReadOnly $run
                $run.Warnings.Count | Should -Be $expected.connections.Count
                $run.Collected.connections.Count | Should -Be 0
            }

            It 'keeps the baseline profiles from the MDM bridge' {
                @($run.Collected.profileXml | ForEach-Object instanceId) | Should -Be @($expected.connections | ForEach-Object { [uri]::EscapeDataString($_.name) })
                $run.Collected.profileXml[0].profileXml | Should -BeExactly "&lt;VPNProfile&gt;$($expected.connections[0].name)"
            }
        }

        Context 'no VpnClient module' {
            BeforeAll {
                Initialize-Client $expected
                Remove-Item -Path Function:\Get-VpnConnection
                $run = Invoke-Collector -Path $path
            }

            It 'stops naming Get-VpnConnection and writes nothing' {
                $run.Threw | Should -Not -BeNullOrEmpty
                $run.Threw.Exception.Message | Should -Match 'Get-VpnConnection'
                $run.Bytes | Should -BeNullOrEmpty
                Get-StandInCall 'Get-CimInstance' | Should -BeNullOrEmpty
            }
        }
    }
}
