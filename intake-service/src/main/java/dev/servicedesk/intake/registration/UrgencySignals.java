package dev.servicedesk.intake.registration;

import java.util.List;
import java.util.Locale;

/**
 * Spots requests that must be acknowledged within a minute and marked urgent (DOMAIN §1): a
 * system failure, a security risk, an account that cannot log in. Routing decides the priority;
 * this only makes sure the customer is told at once and routing sees the signal.
 */
final class UrgencySignals {

    private static final List<String> PHRASES = List.of(
            // outages
            "outage", "is down", "went down", "not working at all", "system failure", "service unavailable", "crash",
            "宕机", "瘫痪", "系统故障", "系统崩溃", "崩溃", "无法访问", "打不开", "服务中断",
            // security
            "security", "hacked", "breach", "fraud", "stolen", "phishing", "unauthori",
            "安全", "被盗", "盗号", "泄露", "诈骗", "被骗", "盗刷",
            // cannot log in
            "cannot log in", "can't log in", "cannot login", "can't login", "unable to log in", "unable to login",
            "locked out", "account locked", "cannot sign in", "can't sign in",
            "无法登录", "不能登录", "登录不了", "登不上", "无法登陆", "不能登陆", "登陆不了", "账号被锁", "账户被锁");

    private UrgencySignals() {
    }

    static boolean present(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
            for (String phrase : PHRASES) {
                if (lower.contains(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
