/**
 * A deliberately wrong arrow for {@code id.go.kerjasama.ModuleStructureTest}:
 * the platform, which may use no other module, calls the lifecycle (as
 * {@code platform/security/RoleAuthorizations} once did). Outside the
 * application's packages, so only that test ever looks at it.
 */
package modulefixture.wrongarrow;
