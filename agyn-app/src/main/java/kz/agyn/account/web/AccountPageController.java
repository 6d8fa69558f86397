package kz.agyn.account.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.AccountException;
import kz.agyn.account.AccountService;
import kz.agyn.account.NewToken;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own page: language, password and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountPageController {

    /** The validities offered on the page (the configured default is among them or added). */
    static final List<Integer> TOKEN_DAYS = List.of(7, 30, 90, 180, 365);

    private final AccountService accounts;
    private final MessageSource messages;
    private final SessionRenewal sessions;

    AccountPageController(AccountService accounts, MessageSource messages, SessionRenewal sessions) {
        this.accounts = accounts;
        this.messages = messages;
        this.sessions = sessions;
    }

    @GetMapping
    String page(Principal me, Model model) {
        model.addAttribute("account", accounts.user(me.getName()).orElseThrow());
        model.addAttribute("tokens", accounts.tokens(me.getName()));
        model.addAttribute("minPassword", AccountService.MIN_PASSWORD_LENGTH);
        var limits = accounts.tokenLimits();
        model.addAttribute("tokenDays", TOKEN_DAYS.stream().filter(d -> d <= limits.maxDays()).toList());
        model.addAttribute("defaultTokenDays", limits.defaultDays());
        return "account";
    }

    @PostMapping("/password")
    String password(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
                    Principal me, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect, Locale locale) {
        try {
            if (!password.equals(repeat)) {
                throw new AccountException("account.error.repeat");
            }
            accounts.changeOwnPassword(me.getName(), current, password);
            // The change ends the user's other sessions; this one goes on under the new stamp.
            sessions.renew(me.getName(), request, response);
            redirect.addFlashAttribute("message", messages.getMessage("account.password.changed", null, locale));
        } catch (AccountException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/account";
    }

    @PostMapping("/tokens")
    String createToken(@RequestParam String name, @RequestParam(required = false) Integer days, Principal me,
                       RedirectAttributes redirect, Locale locale) {
        try {
            NewToken token = accounts.createToken(me.getName(), name, days);
            redirect.addFlashAttribute("newToken", token.secret());
        } catch (AccountException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/account";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal me, RedirectAttributes redirect, Locale locale) {
        try {
            accounts.revokeToken(me.getName(), id);
            redirect.addFlashAttribute("message", messages.getMessage("account.token.revoked", null, locale));
        } catch (AccountException e) {
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/account";
    }
}
