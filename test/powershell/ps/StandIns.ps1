# Stand-ins for the Windows commands the generated scripts call. Dot-source this file,
# then set $global:StandIn (see Reset-StandIn) to describe the machine.
#
# Each stand-in is a global function whose parameter names, aliases, parameter sets,
# mandatory flags and accepted values follow Microsoft's documentation, so a call that
# would fail to bind on Windows fails to bind here. Accepted values are [ValidateSet()]
# (case-insensitive, as enum parameters are). One difference: the real crypto
# parameters are enums, so Windows would also bind an enum's number; the stand-ins
# accept names only, which is stricter.
#
# Every call is recorded in $global:StandIn.Calls with its parameter set and bound
# parameters. Set commands change the machine state only when ShouldProcess agrees.

Set-StrictMode -Version 3

# Accepted values from the "Accepted values" lists of Set-VpnConnectionIPsecConfiguration
# (VpnClient module) and Set-VpnServerConfiguration (RemoteAccess module), Microsoft
# Learn, Windows Server 2022 and 2025 docsets. Both cmdlets list the same values.
$global:StandInCryptoValues = [ordered]@{
    AuthenticationTransformConstants = @('MD596', 'SHA196', 'SHA256128', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')
    CipherTransformConstants         = @('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')
    DHGroup                          = @('None', 'Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24')
    EncryptionMethod                 = @('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256')
    IntegrityCheckMethod             = @('MD5', 'SHA1', 'SHA256', 'SHA384')
    PfsGroup                         = @('None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24')
}
$global:StandInCryptoFields = @($global:StandInCryptoValues.Keys)

# Enum types for the crypto fields, so a get command can return typed values as the
# CIM objects of the VpnClient and RemoteAccess modules do. ConvertTo-Json writes an
# enum as its number and [string] as its name. Microsoft does not document the numbers,
# so these follow the order of the accepted values above.
if (-not ('StandInCim.DHGroup' -as [type])) {
    $enums = foreach ($field in $global:StandInCryptoFields) {
        "public enum $field { $($global:StandInCryptoValues[$field] -join ', ') }"
    }
    Add-Type -TypeDefinition "namespace StandInCim { $($enums -join ' ') }"
}

# Resets the simulated machine: no connections, the RRAS defaults, an empty registry
# and no NPS policies. Tests then fill in what they need.
function global:Reset-StandIn {
    param([string] $BackupFolder)
    $global:StandIn = [pscustomobject]@{
        Calls           = [System.Collections.Generic.List[object]]::new()
        BackupFolder    = $BackupFolder
        Connections     = [System.Collections.Generic.List[object]]::new()
        # Get-VpnServerConfiguration on a server without a custom policy (Microsoft Learn,
        # Get-VpnServerConfiguration example; VpnServerIPsecDefaultConfiguration class).
        Server          = [ordered]@{
            TunnelType = 'IKEV2'; CustomPolicy = $false; EncryptionType = 'OptionalEncryption'
            SALifeTime = 28800; SADataSizeForRenegotiation = 102400; IdleDisconnect = 300
            Ikev2Ports = 5; L2tpPorts = 5; SstpPorts = 10; GrePorts = 5
        }
        Registry        = @{}
        NpsPolicies     = @{}
        # Fields a set command silently leaves unchanged, to test the read-back.
        IgnoredFields   = @()
        # Fields a get command returns as the enum's number instead of its name.
        NumericFields   = @()
        # Fields a get command returns as a typed enum (StandInCim) instead of a string.
        EnumFields      = @()
        # MDM_VPNv2_01 instances (InstanceID, ProfileXML). MdmBridge $false makes a read
        # of the root\cimv2\mdm\dmmap namespace fail.
        MdmProfiles     = [System.Collections.Generic.List[object]]::new()
        MdmBridge       = $true
        ServiceRestarts = [System.Collections.Generic.List[string]]::new()
        # Win32_OperatingSystem.Version: Windows Server 2025 and Windows 11 24H2.
        WindowsVersion  = '10.0.26100'
        # Installed services: RemoteAccess (RRAS) and IAS (Network Policy Server).
        Services        = [System.Collections.Generic.List[string]]::new([string[]]@('RemoteAccess', 'IAS'))
    }
}

function global:Add-StandInCall {
    param([string] $Command, [string] $ParameterSet, [System.Collections.IDictionary] $Bound, [bool] $Applied)
    $parameters = [ordered]@{}
    foreach ($key in $Bound.Keys) {
        $value = $Bound[$key]
        if ($value -is [System.Management.Automation.SwitchParameter]) { $value = $value.IsPresent }
        elseif ($value -is [System.Collections.Generic.List[string]]) { }
        elseif ($value -is [array]) { $value = @($value | ForEach-Object { [string]$_ }) }
        elseif ($null -ne $value -and $value -isnot [bool]) { $value = [string]$value }
        $parameters[$key] = $value
    }
    $backups = @()
    if ($global:StandIn.BackupFolder -and (Test-Path -LiteralPath $global:StandIn.BackupFolder)) {
        $backups = @(Get-ChildItem -LiteralPath $global:StandIn.BackupFolder -File | ForEach-Object Name)
    }
    $global:StandIn.Calls.Add([pscustomobject]@{
            Command         = $Command
            ParameterSet    = $ParameterSet
            Parameters      = $parameters
            Applied         = $Applied
            BackupsAtCall   = $backups
        })
}

function global:ConvertTo-StandInValue {
    param([string] $Field, $Value)
    if ($global:StandIn.NumericFields -contains $Field -and $global:StandInCryptoValues.Contains($Field)) {
        return [array]::IndexOf($global:StandInCryptoValues[$Field], [string]$Value)
    }
    if ($global:StandIn.EnumFields -contains $Field -and $global:StandInCryptoValues.Contains($Field)) {
        return [enum]::Parse(("StandInCim.$Field" -as [type]), [string]$Value, $true)
    }
    return $Value
}

# VpnClient module. Source: Microsoft Learn, Get-VpnConnection (VpnClient), Windows
# Server 2025 docset: -Name String[] (alias ConnectionName, position 1), -AllUserConnection,
# -CimSession (alias Session), -ThrottleLimit, -AsJob; one parameter set.
function global:Get-VpnConnection {
    [CmdletBinding()]
    param(
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = $true)]
        [Alias('ConnectionName')]
        [string[]] $Name,
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [switch] $AllUserConnection,
        [Alias('Session')]
        [CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    Add-StandInCall 'Get-VpnConnection' $PSCmdlet.ParameterSetName $PSBoundParameters $false
    $phoneBook = @($global:StandIn.Connections | Where-Object { [bool]$_.AllUserConnection -eq $AllUserConnection.IsPresent })
    $names = if ($PSBoundParameters.ContainsKey('Name')) { $Name } else { @($phoneBook | ForEach-Object Name) }
    foreach ($wanted in $names) {
        $connection = $phoneBook | Where-Object { $_.Name -eq $wanted } | Select-Object -First 1
        if ($null -eq $connection) {
            # NOTE: the exact message and error id of the real cmdlet are not documented;
            # the category ObjectNotFound is what the scripts test for.
            $record = [System.Management.Automation.ErrorRecord]::new(
                [System.Management.Automation.ItemNotFoundException]::new("VPN connection $wanted was not found."),
                'VPN 623,Get-VpnConnection', [System.Management.Automation.ErrorCategory]::ObjectNotFound, $wanted)
            $PSCmdlet.WriteError($record)
            continue
        }
        $policy = $null
        if ($null -ne $connection.IPsecCustomPolicy) {
            $fields = [ordered]@{}
            foreach ($field in $global:StandInCryptoFields) {
                $fields[$field] = ConvertTo-StandInValue $field $connection.IPsecCustomPolicy[$field]
            }
            $policy = @([pscustomobject]$fields)
        }
        [pscustomobject]@{
            Name              = $connection.Name
            AllUserConnection = [bool]$connection.AllUserConnection
            TunnelType        = 'Ikev2'
            EncryptionLevel   = 'Required'
            IPsecCustomPolicy = $policy
        }
    }
}

# Source: Microsoft Learn, Set-VpnConnectionIPsecConfiguration (VpnClient), Windows
# Server 2025 docset: parameter sets Default (revert) and CustomPolicy; in CustomPolicy
# all six crypto parameters are mandatory; -PassThru exists in CustomPolicy only.
function global:Set-VpnConnectionIPsecConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'Default', SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(Mandatory = $true, Position = 1, ValueFromPipelineByPropertyName = $true)]
        [Alias('Name')]
        [string] $ConnectionName,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 2, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('MD596', 'SHA196', 'SHA256128', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')]
        [string] $AuthenticationTransformConstants,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 3, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')]
        [string] $CipherTransformConstants,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 4, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('None', 'Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24')]
        [string] $DHGroup,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 5, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256')]
        [string] $EncryptionMethod,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 6, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('MD5', 'SHA1', 'SHA256', 'SHA384')]
        [string] $IntegrityCheckMethod,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true, Position = 7, ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24')]
        [string] $PfsGroup,
        [Parameter(ParameterSetName = 'CustomPolicy')]
        [switch] $PassThru,
        [Parameter(ParameterSetName = 'Default', Mandatory = $true)]
        [switch] $RevertToDefault,
        [switch] $Force,
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [switch] $AllUserConnection,
        [Alias('Session')]
        [CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    $connection = $global:StandIn.Connections |
        Where-Object { $_.Name -eq $ConnectionName -and [bool]$_.AllUserConnection -eq $AllUserConnection.IsPresent } |
        Select-Object -First 1
    $applied = $false
    if ($null -eq $connection) {
        Add-StandInCall 'Set-VpnConnectionIPsecConfiguration' $PSCmdlet.ParameterSetName $PSBoundParameters $false
        throw [System.Management.Automation.ItemNotFoundException]::new("VPN connection $ConnectionName was not found.")
    }
    if ($PSCmdlet.ShouldProcess($ConnectionName, 'Set IPsec configuration')) {
        $applied = $true
        if ($RevertToDefault) {
            $connection.IPsecCustomPolicy = $null
        } else {
            $policy = [ordered]@{}
            foreach ($field in $global:StandInCryptoFields) {
                $old = if ($null -ne $connection.IPsecCustomPolicy) { $connection.IPsecCustomPolicy[$field] } else { 'None' }
                $policy[$field] = if ($global:StandIn.IgnoredFields -contains $field) { $old } else { $PSBoundParameters[$field] }
            }
            $connection.IPsecCustomPolicy = $policy
        }
    }
    Add-StandInCall 'Set-VpnConnectionIPsecConfiguration' $PSCmdlet.ParameterSetName $PSBoundParameters $applied
}

# RemoteAccess module. Source: Microsoft Learn, Get-VpnServerConfiguration (RemoteAccess):
# -TunnelType, -CimSession, -ThrottleLimit, -AsJob. Output properties are the CIM names of
# VpnServerIPsecCustomConfiguration / VpnServerIPsecDefaultConfiguration (RAMgmtPSProvider).
function global:Get-VpnServerConfiguration {
    [CmdletBinding()]
    param(
        [ValidateSet('IKEV2', 'L2TP')]
        [string] $TunnelType,
        [Alias('Session')]
        [CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    Add-StandInCall 'Get-VpnServerConfiguration' $PSCmdlet.ParameterSetName $PSBoundParameters $false
    $output = [ordered]@{}
    foreach ($key in $global:StandIn.Server.Keys) {
        $output[$key] = ConvertTo-StandInValue $key $global:StandIn.Server[$key]
    }
    [pscustomobject]$output
}

# Source: Microsoft Learn, Set-VpnServerConfiguration (RemoteAccess), Windows Server 2025
# docset: parameter sets EncryptionType (default), RevertToDefault and CustomPolicy.
# -CustomPolicy is mandatory in its set and the six crypto parameters are optional there
# (unlike the client cmdlet). The lifetime and port parameters exist in the
# EncryptionType and CustomPolicy sets only.
function global:Set-VpnServerConfiguration {
    [CmdletBinding(DefaultParameterSetName = 'EncryptionType', SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
    param(
        [Parameter(ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('IKEV2', 'L2TP')]
        [string] $TunnelType,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('NoEncryption', 'RequireEncryption', 'OptionalEncryption', 'MaximumEncryption')]
        [string] $EncryptionType,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [uint32] $SstpPorts,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [uint32] $GrePorts,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [Alias('IdleDurationSeconds')]
        [uint32] $IdleDisconnectSeconds,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [Alias('LifeTimeSeconds', 'QMSALifeTimeSeconds')]
        [uint32] $SALifeTimeSeconds,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [uint32] $MMSALifeTimeSeconds,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [Alias('LifeTimeKiloBytes')]
        [uint32] $SADataSizeForRenegotiationKilobytes,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [uint32] $Ikev2Ports,
        [Parameter(ParameterSetName = 'EncryptionType', ValueFromPipelineByPropertyName = $true)]
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [uint32] $L2tpPorts,
        [switch] $PassThru,
        [Parameter(ParameterSetName = 'RevertToDefault', Mandatory = $true)]
        [switch] $RevertToDefault,
        [Parameter(ParameterSetName = 'CustomPolicy', Mandatory = $true)]
        [switch] $CustomPolicy,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256')]
        [Alias('Encryption')]
        [string] $EncryptionMethod,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('MD5', 'SHA1', 'SHA256', 'SHA384')]
        [Alias('FirstIntegrityAlgorithm', 'OtherHashAlgorithm')]
        [string] $IntegrityCheckMethod,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')]
        [Alias('FirstCipherAlgorithm', 'OtherCipherAlgorithm')]
        [string] $CipherTransformConstants,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24')]
        [Alias('PfsGroupId')]
        [string] $PfsGroup,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('MD596', 'SHA196', 'SHA256128', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None')]
        [Alias('FirstTransformType')]
        [string] $AuthenticationTransformConstants,
        [Parameter(ParameterSetName = 'CustomPolicy', ValueFromPipelineByPropertyName = $true)]
        [ValidateSet('None', 'Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24')]
        [string] $DHGroup,
        [Alias('Session')]
        [CimSession[]] $CimSession,
        [int] $ThrottleLimit,
        [switch] $AsJob
    )
    $applied = $false
    if ($PSCmdlet.ShouldProcess('RRAS server', 'Set VPN server configuration')) {
        $applied = $true
        Set-StandInServer $PSCmdlet.ParameterSetName $PSBoundParameters
    }
    Add-StandInCall 'Set-VpnServerConfiguration' $PSCmdlet.ParameterSetName $PSBoundParameters $applied
    # Microsoft Learn, Set-VpnServerConfiguration example output (2012 R2 docset).
    Write-Warning 'Configuration parameters will be modified after the Remote Access service is restarted.'
}

function global:Set-StandInServer {
    param([string] $ParameterSet, [System.Collections.IDictionary] $Bound)
    $server = $global:StandIn.Server
    $properties = @{
        SALifeTimeSeconds = 'SALifeTime'; MMSALifeTimeSeconds = 'MMSALifeTime'
        SADataSizeForRenegotiationKilobytes = 'SADataSizeForRenegotiation'; IdleDisconnectSeconds = 'IdleDisconnect'
        Ikev2Ports = 'Ikev2Ports'; L2tpPorts = 'L2tpPorts'; SstpPorts = 'SstpPorts'; GrePorts = 'GrePorts'
        EncryptionType = 'EncryptionType'
    }
    foreach ($field in $global:StandInCryptoFields) { $properties[$field] = $field }
    if ($ParameterSet -eq 'CustomPolicy') {
        $server.CustomPolicy = $true
        $server.Remove('EncryptionType')
    }
    if ($ParameterSet -eq 'RevertToDefault') {
        $server.CustomPolicy = $false
        $server.EncryptionType = 'OptionalEncryption'
        foreach ($field in $global:StandInCryptoFields) { $server.Remove($field) }
        return
    }
    foreach ($parameter in $Bound.Keys) {
        $property = $properties[$parameter]
        if ($null -eq $property -or $global:StandIn.IgnoredFields -contains $property) { continue }
        $server[$property] = $Bound[$parameter]
    }
}

# Microsoft.PowerShell.Management. Source: Microsoft Learn, Restart-Service (PowerShell
# 5.1 reference): parameter sets Default (-Name, alias ServiceName), InputObject and
# DisplayName, each mandatory at position 0; -Force, -PassThru, -Include, -Exclude.
function global:Restart-Service {
    [CmdletBinding(DefaultParameterSetName = 'Default', SupportsShouldProcess = $true)]
    param(
        [Parameter(ParameterSetName = 'Default', Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ServiceName')]
        [string[]] $Name,
        [Parameter(ParameterSetName = 'InputObject', Mandatory = $true, Position = 0, ValueFromPipeline = $true)]
        [object[]] $InputObject,
        [Parameter(ParameterSetName = 'DisplayName', Mandatory = $true)]
        [string[]] $DisplayName,
        [switch] $Force,
        [switch] $PassThru,
        [string[]] $Include,
        [string[]] $Exclude
    )
    $applied = $false
    if ($PSCmdlet.ShouldProcess(($Name -join ', '), 'Restart-Service')) {
        $applied = $true
        foreach ($service in $Name) { $global:StandIn.ServiceRestarts.Add($service) }
    }
    Add-StandInCall 'Restart-Service' $PSCmdlet.ParameterSetName $PSBoundParameters $applied
}

# CimCmdlets module. Source: Microsoft Learn, Get-CimInstance (PowerShell 5.1 reference):
# parameter sets ClassNameComputerSet (default; -ClassName at position 0), ClassNameSessionSet,
# QueryComputerSet and QuerySessionSet. Only Win32_OperatingSystem and MDM_VPNv2_01 are
# simulated.
# NOTE: the ResourceUri and CimInstance parameter sets are left out.
function global:Get-CimInstance {
    [CmdletBinding(DefaultParameterSetName = 'ClassNameComputerSet')]
    param(
        [Parameter(ParameterSetName = 'ClassNameComputerSet', Mandatory = $true, Position = 0)]
        [Parameter(ParameterSetName = 'ClassNameSessionSet', Mandatory = $true, Position = 0)]
        [string] $ClassName,
        [Parameter(ParameterSetName = 'QueryComputerSet', Mandatory = $true)]
        [Parameter(ParameterSetName = 'QuerySessionSet', Mandatory = $true)]
        [string] $Query,
        [Parameter(ParameterSetName = 'ClassNameSessionSet', Mandatory = $true)]
        [Parameter(ParameterSetName = 'QuerySessionSet', Mandatory = $true)]
        [CimSession[]] $CimSession,
        [Parameter(ParameterSetName = 'ClassNameComputerSet')]
        [Parameter(ParameterSetName = 'QueryComputerSet')]
        [Alias('CN', 'ServerName')]
        [string[]] $ComputerName,
        [string] $Namespace,
        [string] $Filter,
        [string[]] $Property,
        [string] $QueryDialect,
        [switch] $KeyOnly,
        [switch] $Shallow,
        [Alias('OT')]
        [uint32] $OperationTimeoutSec
    )
    Add-StandInCall 'Get-CimInstance' $PSCmdlet.ParameterSetName $PSBoundParameters $false
    if ($ClassName -eq 'MDM_VPNv2_01' -and $Namespace -eq 'root\cimv2\mdm\dmmap') {
        return Get-StandInMdmProfile
    }
    if ($ClassName -ne 'Win32_OperatingSystem') {
        throw [System.NotSupportedException]::new("The stand-in Get-CimInstance simulates Win32_OperatingSystem only, not '$ClassName$Query'.")
    }
    [pscustomobject]@{ Caption = 'Microsoft Windows'; Version = $global:StandIn.WindowsVersion }
}

# MDM_VPNv2_01 through the WMI bridge. Source: Microsoft Learn, "MDM_VPNv2_01 class":
# namespace Root\cimv2\mdm\dmmap, InstanceID is the VPN profile name, ParentID is
# "./Vendor/MSFT/VPNv2", ProfileXML is a string.
# NOTE: the class page does not say that InstanceID is URI-escaped (the collector
# assumes it) or which error a session without access gets. With MdmBridge $false the
# stand-in throws, and the collector handles any terminating error.
function global:Get-StandInMdmProfile {
    if (-not $global:StandIn.MdmBridge) {
        throw [System.UnauthorizedAccessException]::new('Access denied: root\cimv2\mdm\dmmap.')
    }
    foreach ($instance in $global:StandIn.MdmProfiles) {
        [pscustomobject]@{ InstanceID = $instance.InstanceID; ParentID = './Vendor/MSFT/VPNv2'; ProfileXML = $instance.ProfileXML }
    }
}

# Microsoft.PowerShell.Management. Source: Microsoft Learn, Get-Service (PowerShell 5.1
# reference): parameter sets Default (-Name, alias ServiceName, position 0), DisplayName
# and InputObject; -DependentServices (alias DS), -RequiredServices (aliases SDO,
# ServicesDependedOn), -Include, -Exclude.
function global:Get-Service {
    [CmdletBinding(DefaultParameterSetName = 'Default')]
    param(
        [Parameter(ParameterSetName = 'Default', Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('ServiceName')]
        [string[]] $Name,
        [Parameter(ParameterSetName = 'DisplayName', Mandatory = $true)]
        [string[]] $DisplayName,
        [Parameter(ParameterSetName = 'InputObject', ValueFromPipeline = $true)]
        [object[]] $InputObject,
        [Alias('DS')]
        [switch] $DependentServices,
        [Alias('SDO', 'ServicesDependedOn')]
        [switch] $RequiredServices,
        [string[]] $Include,
        [string[]] $Exclude
    )
    Add-StandInCall 'Get-Service' $PSCmdlet.ParameterSetName $PSBoundParameters $false
    $names = if ($Name) { $Name } else { @($global:StandIn.Services) }
    foreach ($serviceName in $names) {
        if (-not $global:StandIn.Services.Contains($serviceName)) {
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                    [System.InvalidOperationException]::new("Cannot find any service with service name '$serviceName'."),
                    'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand', 'ObjectNotFound', $serviceName))
            continue
        }
        [pscustomobject]@{ Name = $serviceName; Status = 'Running'; StartType = 'Automatic' }
    }
}

# Get-ItemProperty for the registry. Source: Microsoft Learn, Get-ItemProperty (PowerShell
# 5.1 reference): parameter sets Path (-Path, position 0) and LiteralPath (-LiteralPath,
# aliases PSPath and LP); -Name (alias PSProperty, position 1). Registry paths are read
# from $global:StandIn.Registry; other paths go to the real cmdlet.
function global:Get-ItemProperty {
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(ParameterSetName = 'Path', Mandatory = $true, Position = 0, ValueFromPipelineByPropertyName = $true)]
        [string[]] $Path,
        [Parameter(ParameterSetName = 'LiteralPath', Mandatory = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('PSPath', 'LP')]
        [string[]] $LiteralPath,
        [Parameter(Position = 1)]
        [Alias('PSProperty')]
        [string[]] $Name,
        [string] $Filter,
        [string[]] $Include,
        [string[]] $Exclude,
        [pscredential] $Credential
    )
    $paths = if ($PSCmdlet.ParameterSetName -eq 'Path') { $Path } else { $LiteralPath }
    if (-not ($paths -match '^(HKLM|HKCU):')) {
        return Microsoft.PowerShell.Management\Get-ItemProperty @PSBoundParameters
    }
    Add-StandInCall 'Get-ItemProperty' $PSCmdlet.ParameterSetName $PSBoundParameters $false
    foreach ($key in $paths) {
        $values = $global:StandIn.Registry[$key]
        if ($null -eq $values) {
            $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                    [System.Management.Automation.ItemNotFoundException]::new("Cannot find path '$key' because it does not exist."),
                    'PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand', 'ObjectNotFound', $key))
            continue
        }
        $wanted = if ($Name) { $Name } else { @($values.Keys) }
        $output = [ordered]@{}
        foreach ($property in $wanted) {
            if (-not $values.ContainsKey($property)) {
                $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                        [System.Management.Automation.PSArgumentException]::new("Property $property does not exist at path $key."),
                        'System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyCommand', 'InvalidArgument', $property))
                continue
            }
            $output[$property] = $values[$property]
        }
        if ($output.Count -gt 0) {
            $output['PSPath'] = "Microsoft.PowerShell.Core\Registry::$key"
            [pscustomobject]$output
        }
    }
}

# netsh, called as `netsh -f <file>` by the NPS script and as `netsh nps show np` by
# the server collector. Handles `nps show np` and
# `nps set np` with name, profileid and profiledata; sets $global:LASTEXITCODE as a
# native command does.
# NOTE: the text `netsh nps show np` prints is not documented by Microsoft. The stand-in
# prints one line per profile attribute as "<id> = <value>", which is only what the
# generated script's parser assumes (a line with the id whose last token is a number).
function global:netsh {
    $arguments = @($args | ForEach-Object { [string]$_ })
    $lines = [System.Collections.Generic.List[string]]::new()
    Add-StandInCall 'netsh' '' ([ordered]@{ Arguments = $arguments; Script = $lines }) $false
    if ($arguments.Count -ge 1 -and $arguments[0] -eq 'nps') {
        $global:LASTEXITCODE = 0
        Invoke-StandInNetshLine ($arguments -join ' ')
        return
    }
    if ($arguments.Count -ne 2 -or $arguments[0] -ne '-f') {
        "netsh stand-in: expected -f <file> or an nps command, got: $($arguments -join ' ')"
        $global:LASTEXITCODE = 1
        return
    }
    $global:LASTEXITCODE = 0
    foreach ($line in Get-Content -LiteralPath $arguments[1]) {
        if ($line -match '^\s*$') { continue }
        $lines.Add($line)
        Invoke-StandInNetshLine $line
        if ($global:LASTEXITCODE -ne 0) { return }
    }
}

function global:Invoke-StandInNetshLine {
    param([string] $Line)
    # `show np` is listed in Microsoft Learn, "Network Policy Commands" (Windows Server
    # 2008). NOTE: its output without a name is not documented; the stand-in shows every
    # policy, which is what the server collector expects.
    if ($Line -match '^\s*nps\s+show\s+np\s*$') {
        foreach ($policyName in $global:StandIn.NpsPolicies.Keys) {
            Invoke-StandInNetshLine "nps show np name = `"$policyName`""
            ''
        }
        return
    }
    if ($Line -notmatch '^\s*nps\s+(show|set)\s+np\s+name\s*=\s*"([^"]*)"(.*)$') {
        "The following command was not found: $Line"
        $global:LASTEXITCODE = 1
        return
    }
    $verb = $Matches[1]; $policyName = $Matches[2]; $rest = $Matches[3]
    $policy = $global:StandIn.NpsPolicies[$policyName]
    if ($null -eq $policy) {
        "The network policy $policyName was not found."
        $global:LASTEXITCODE = 1
        return
    }
    if ($verb -eq 'show') {
        "Name                    = $policyName"
        'State                   = Enabled'
        foreach ($id in $policy.Keys) { "$id = $($policy[$id])" }
        return
    }
    $pairs = [regex]::Matches($rest, 'profileid\s*=\s*(\S+)\s+profiledata\s*=\s*(\S+)')
    if ($pairs.Count -eq 0) {
        'netsh stand-in: set np without profileid/profiledata pairs'
        $global:LASTEXITCODE = 1
        return
    }
    # A native command knows nothing of -WhatIf: the script must not call it then.
    foreach ($pair in $pairs) {
        $id = $pair.Groups[1].Value.ToLowerInvariant()
        if ($global:StandIn.IgnoredFields -contains $id) { continue }
        $policy[$id] = ConvertFrom-StandInNumber $pair.Groups[2].Value
    }
    $global:StandIn.Calls[$global:StandIn.Calls.Count - 1].Applied = $true
    'Ok.'
}

function global:ConvertFrom-StandInNumber {
    param([string] $Text)
    if ($Text -match '^0x([0-9a-f]+)$') { return [string][Convert]::ToInt64($Matches[1], 16) }
    return [string][int64]$Text
}
