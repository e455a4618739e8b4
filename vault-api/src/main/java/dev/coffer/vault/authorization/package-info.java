/**
 * Azure RBAC as Coffer models it: role definitions with actions and data actions,
 * Azure's {@link dev.coffer.vault.authorization.BuiltInRole built-in roles} with their exact ids,
 * and role assignments at subscription, resource group, vault and object scope.
 */
package dev.coffer.vault.authorization;
