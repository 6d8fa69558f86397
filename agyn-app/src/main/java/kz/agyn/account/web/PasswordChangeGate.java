package kz.agyn.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.agyn.account.AccountService;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A user signed in with a one-time password sees only the page where it is replaced. */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/account", "/account/password", "/logout", "/login",
                "/error", "/api/**", "/css/**", "/js/**", "/webjars/**", "/geo/**", "/img/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(AccountService.MUST_CHANGE_PASSWORD))) {
            response.sendRedirect(request.getContextPath() + "/account?mustChange");
            return false;
        }
        return true;
    }
}
