package dev.servicedesk.benchmark.load;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells the generators that the stack is down on purpose (the kill test): new requests wait until it
 * is up again, and requests it cut off are counted as interrupted rather than as failures.
 */
public final class StackGate {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition up = lock.newCondition();
    private volatile boolean down;

    public void markDown() {
        down = true;
    }

    public void markUp() {
        lock.lock();
        try {
            down = false;
            up.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isDown() {
        return down;
    }

    /** Waits while the stack is down; returns how long it waited, in nanoseconds. */
    long awaitUp() {
        if (!down) {
            return 0;
        }
        long start = System.nanoTime();
        lock.lock();
        try {
            while (down) {
                up.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        return System.nanoTime() - start;
    }
}
