package dev.betterauth4j.servlet;

import dev.betterauth4j.core.AuthenticatedUser;
import dev.betterauth4j.core.TokenVerificationException.Reason;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as text, so tests can check what a listener can and cannot see. */
final class RecordingListener implements AuthenticationListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onSuccess(AuthenticatedUser user, String path) {
        events.add("success " + user.id() + " " + path);
    }

    @Override
    public void onFailure(Reason reason, String path) {
        events.add("failure " + reason + " " + path);
    }

    long successes() {
        return events.stream().filter(e -> e.startsWith("success")).count();
    }
}
