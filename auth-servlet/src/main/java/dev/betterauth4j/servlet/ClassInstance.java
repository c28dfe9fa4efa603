package dev.betterauth4j.servlet;

import dev.betterauth4j.core.settings.SettingType;

/**
 * An init parameter that names a class: the value is a new instance, made with the class's public no-argument
 * constructor through the thread's context class loader (the web application's, in a container).
 *
 * @param type what the class must implement
 * @param <T>  that type
 */
record ClassInstance<T>(Class<T> type) implements SettingType<T> {

    static <T> ClassInstance<T> of(Class<T> type) {
        return new ClassInstance<>(type);
    }

    @Override
    public T parse(String className) {
        Class<?> found;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            found = Class.forName(className, true, loader != null ? loader : type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("cannot load " + className + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!type.isAssignableFrom(found)) {
            throw new IllegalArgumentException(className + " does not implement " + type.getSimpleName());
        }
        try {
            return type.cast(found.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("cannot create " + className + " with a public no-argument"
                    + " constructor (" + e.getClass().getSimpleName() + ")");
        }
    }
}
