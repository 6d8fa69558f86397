/**
 * The main menu, filled by the features: each declares its links ({@link kz.agyn.platform.menu.MenuEntry}) and the
 * frame shows those the user's roles may see. A package of its own, not the platform's web package, because a
 * feature may use only the top of another's packages (ArchitectureTest).
 */
package kz.agyn.platform.menu;
