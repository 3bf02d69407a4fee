# The stand-ins themselves: every value the baseline schema allows binds, and values
# or parameter combinations Windows rejects fail to bind here too.
param($Scripts, $Data)

BeforeAll {
    . (Join-Path $PSScriptRoot '../ps/StandIns.ps1')
    Reset-StandIn
    $global:StandIn.Connections.Add([pscustomobject]@{ Name = 'VPN'; AllUserConnection = $false; IPsecCustomPolicy = $null })
    # A valid value for each crypto parameter, to fill the client cmdlet's mandatory set.
    $defaults = @{
        AuthenticationTransformConstants = 'SHA256128'; CipherTransformConstants = 'AES256'; DHGroup = 'Group14'
        EncryptionMethod = 'AES256'; IntegrityCheckMethod = 'SHA256'; PfsGroup = 'PFS2048'
    }
}

Describe 'schema value <parameter> <value>' -ForEach $Data.schemaValues {
    It 'binds to Set-VpnConnectionIPsecConfiguration' {
        $parameters = $defaults.Clone()
        $parameters[$parameter] = $value
        { Set-VpnConnectionIPsecConfiguration -ConnectionName 'VPN' @parameters -Force -WhatIf } | Should -Not -Throw
    }

    It 'binds to Set-VpnServerConfiguration -CustomPolicy' {
        $parameters = @{ $parameter = $value }
        { Set-VpnServerConfiguration -CustomPolicy @parameters -WhatIf 3>$null } | Should -Not -Throw
    }
}

Describe 'stand-in binding' {
    It 'rejects a value outside the accepted set' {
        { Set-VpnServerConfiguration -CustomPolicy -DHGroup 'Group15' -WhatIf } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'rejects a misspelled parameter' {
        { Set-VpnServerConfiguration -CustomPolicy -EncrytionMethod 'AES256' -WhatIf } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'needs all six crypto values on the client' {
        $parameters = $defaults.Clone()
        $parameters.Remove('PfsGroup')
        { Set-VpnConnectionIPsecConfiguration -ConnectionName 'VPN' @parameters -Force -WhatIf } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'takes any single crypto value on the server' {
        { Set-VpnServerConfiguration -CustomPolicy -PfsGroup 'ECP384' -WhatIf 3>$null } | Should -Not -Throw
    }

    It 'rejects lifetimes with -RevertToDefault' {
        { Set-VpnServerConfiguration -RevertToDefault -SALifeTimeSeconds 28800 -WhatIf } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'rejects -PassThru with -RevertToDefault on the client' {
        { Set-VpnConnectionIPsecConfiguration -ConnectionName 'VPN' -RevertToDefault -PassThru -WhatIf } |
            Should -Throw -ExceptionType ([System.Management.Automation.ParameterBindingException])
    }

    It 'accepts the server parameter aliases' {
        { Set-VpnServerConfiguration -CustomPolicy -PfsGroupId 'ECP256' -LifeTimeKiloBytes 1024000 -QMSALifeTimeSeconds 28800 -WhatIf 3>$null } |
            Should -Not -Throw
    }
}
