/**
 * Secrets: {@link dev.coffer.vault.secrets.SecretClient} and its models, named as in the Azure SDK
 * for Java ({@code com.azure.security.keyvault.secrets}).
 */
package dev.coffer.vault.secrets;
