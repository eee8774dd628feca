package org.kashbridge.ledger;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's connection with its prepared statements kept: sqlite-jdbc compiles the SQL again for every
 * prepareStatement, and the ledger runs the same few statements for every edit. A statement handed out is
 * reset, not closed, when the unit closes it. Used by one thread (the writer) only.
 */
final class StatementCache {

    private StatementCache() {
    }

    static Connection wrap(Connection real) {
        Map<String, PreparedStatement> cache = new HashMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                String sql = (String) args[0];
                PreparedStatement ps = cache.get(sql);
                if (ps == null || ps.isClosed()) {
                    ps = real.prepareStatement(sql);
                    cache.put(sql, ps);
                }
                return kept(ps);
            }
            if (method.getName().equals("close")) {
                for (PreparedStatement ps : cache.values()) {
                    closeQuietly(ps);
                }
                cache.clear();
            }
            return invoke(real, method, args);
        };
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static PreparedStatement kept(PreparedStatement ps) {
        return (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        ps.clearParameters();
                        return null;
                    }
                    return invoke(ps, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // the connection goes with it
        }
    }
}
