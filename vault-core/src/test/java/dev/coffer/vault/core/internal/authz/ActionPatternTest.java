package dev.coffer.vault.core.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edge cases of Azure's action wildcard: '*' matches any run of characters, '/' included, and
 * may be empty; everything else must match literally, ignoring case.
 */
class ActionPatternTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # pattern                                | action                                             | expected
            *                                        | Microsoft.KeyVault/vaults/read                     | true
            *                                        | x                                                  | true
            *                                        | ''                                                 | true
            **                                       | a/b/c                                              | true
            ''                                       | ''                                                 | true
            ''                                       | a                                                  | false
            a                                        | ''                                                 | false
            */read                                   | Microsoft.KeyVault/vaults/read                     | true
            */read                                   | Microsoft.KeyVault/vaults/keys/versions/read       | true
            */read                                   | Microsoft.KeyVault/vaults/readMetadata/action      | false
            */read                                   | read                                               | false
            */read                                   | /read                                              | true
            */read                                   | Microsoft.KeyVault/vaults/read/extra               | false
            */read                                   | Microsoft.KeyVault/vaults/unread                   | false
            Microsoft.KeyVault/*                     | Microsoft.KeyVault/vaults/write                    | true
            Microsoft.KeyVault/*                     | Microsoft.KeyVault/                                | true
            Microsoft.KeyVault/*                     | Microsoft.KeyVault                                 | false
            Microsoft.KeyVault/*                     | Microsoft.KeyVaultX/vaults/write                   | false
            Microsoft.KeyVault/*                     | Microsoft.Authorization/roleAssignments/write      | false
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/read                     | false
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/keys/read                | true
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/keys/versions/read       | true
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults//read                    | true
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/keys/write               | false
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/keys/read/x              | false
            Microsoft.KeyVault/vaults/*/read         | xMicrosoft.KeyVault/vaults/keys/read               | false
            Microsoft.KeyVault/vaults/keys/*         | Microsoft.KeyVault/vaults/keyrotationpolicies/read | false
            Microsoft.KeyVault/vaults/keys/*         | Microsoft.KeyVault/vaults/keys/read                | true
            Microsoft.KeyVault/vaults/keys           | Microsoft.KeyVault/vaults/keys/read                | false
            Microsoft.KeyVault/vaults/keys/read      | Microsoft.KeyVault/vaults/keys                     | false
            Microsoft.KeyVault/vaults/certificates/* | Microsoft.KeyVault/vaults/certificatecas/read      | false
            *keys*                                   | Microsoft.KeyVault/vaults/keys/read                | true
            *keys*                                   | keys                                               | true
            *keys*                                   | Microsoft.KeyVault/vaults/key/read                 | false
            Microsoft.*/*/write                      | Microsoft.KeyVault/vaults/write                    | true
            Microsoft.*/*/write                      | Microsoft.KeyVault/write                           | false
            a*b*c                                    | abc                                                | true
            a*b*c                                    | aXbYc                                              | true
            a*b*c                                    | acb                                                | false
            a*b*c                                    | abcbc                                              | true
            a*b*c                                    | abcb                                               | false
            a*a*a                                    | aa                                                 | false
            a*a*a                                    | aaa                                                | true
            *a                                       | bbbbbbbbbba                                        | true
            *a                                       | abbbbbbbbbb                                        | false
            */*                                      | /                                                  | true
            */*                                      | ab                                                 | false
            a//b                                     | a//b                                               | true
            a//b                                     | a/b                                                | false
            a/*/b                                    | a//b                                               | true
            a/*/b                                    | a/b                                                | false
            Microsoft.KeyVault/vaults/read           | MicrosoftXKeyVault/vaults/read                     | false
            ?                                        | a                                                  | false
            [ab]                                     | a                                                  | false
            a+                                       | aa                                                 | false
            """)
    void wildcardSemantics(String pattern, String action, boolean expected) {
        // '.', '?', '[' and '+' are literal: a regex-based matcher that forgot to quote would fail here.
        assertThat(new ActionPattern(pattern).matches(action)).isEqualTo(expected);
        assertThat(new ActionPattern(pattern).matchesLower(action.toLowerCase(java.util.Locale.ROOT)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' vs ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            Microsoft.Authorization/*/Write          | Microsoft.Authorization/roleAssignments/write
            microsoft.authorization/*/write          | MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE
            MICROSOFT.KEYVAULT/VAULTS/*/READ         | Microsoft.KeyVault/vaults/keys/versions/read
            Microsoft.KeyVault/vaults/secrets/getSecret/action | microsoft.keyvault/vaults/secrets/getsecret/action
            Microsoft.Authorization/elevateAccess/Action | microsoft.authorization/ELEVATEACCESS/action
            """)
    void matchingIgnoresCaseOnBothSides(String pattern, String action) {
        assertThat(new ActionPattern(pattern).matches(action)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' vs ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            Microsoft.KeyVault/vaults/*/read         | Microsoft.KeyVault/vaults/READ
            Microsoft.Authorization/*/Write          | Microsoft.Authorization/roleAssignments/read
            """)
    void caseFoldingDoesNotLoosenTheStructure(String pattern, String action) {
        assertThat(new ActionPattern(pattern).matches(action)).isFalse();
    }
}
