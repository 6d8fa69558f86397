package kz.agyn.account.web;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;

import kz.agyn.account.AccountException;
import kz.agyn.account.AccountService;
import kz.agyn.account.Role;
import kz.agyn.account.UserAccount;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page: users, their roles, enabling and password resets. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final AccountService accounts;
    private final MessageSource messages;

    AdminUsersController(AccountService accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.users());
        model.addAttribute("roles", Role.values());
        model.addAttribute("languages", AccountService.LANGUAGES);
        model.addAttribute("minPassword", AccountService.MIN_PASSWORD_LENGTH);
        Map<String, OffsetDateTime> locked = new HashMap<>();
        for (UserAccount u : accounts.users()) {
            accounts.signInLockedUntil(u.username())
                    .ifPresent(t -> locked.put(u.username(), t.atZone(ZoneId.systemDefault()).toOffsetDateTime()));
        }
        model.addAttribute("locked", locked);
        return "admin-users";
    }

    @PostMapping
    String create(@RequestParam String username, @RequestParam String password,
                  @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String displayName,
                  @RequestParam(defaultValue = "kk") String locale, RedirectAttributes redirect,
                  java.util.Locale ui) {
        return act(redirect, ui, "admin.users.created", username, () -> accounts.createUser(username, password,
                roles == null ? Set.of() : EnumSet.copyOf(roles), displayName, locale, true));
    }

    @PostMapping("/{username}/roles")
    String roles(@PathVariable String username, @RequestParam(required = false) List<Role> roles,
                 Principal me, RedirectAttributes redirect, java.util.Locale ui) {
        return act(redirect, ui, "admin.users.rolesSaved", username, () -> accounts.setRoles(username,
                roles == null ? Set.of() : EnumSet.copyOf(roles), me.getName()));
    }

    @PostMapping("/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, Principal me,
                   RedirectAttributes redirect, java.util.Locale ui) {
        return act(redirect, ui, enabled ? "admin.users.enabled" : "admin.users.disabled", username,
                () -> accounts.setEnabled(username, enabled, me.getName()));
    }

    @PostMapping("/{username}/password")
    String password(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect,
                    java.util.Locale ui) {
        return act(redirect, ui, "admin.users.passwordReset", username,
                () -> accounts.resetPassword(username, password));
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect, java.util.Locale ui) {
        return act(redirect, ui, "admin.users.unlocked", username, () -> accounts.unlock(username));
    }

    private String act(RedirectAttributes redirect, java.util.Locale ui, String okKey, String username,
                       Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", messages.getMessage(okKey, new Object[] {username}, ui));
        } catch (AccountException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), ui));
        }
        return "redirect:/admin/users";
    }
}
