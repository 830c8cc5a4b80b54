"""Richards: Martin Richards' operating-system task scheduler simulation.

An idle task, a worker, two packet handlers and two devices exchange packets through
a priority scheduler. One "iteration" runs the whole simulation once (idle count
10000); the checksum line gives the packet-queue and hold counts, which are fixed for
a correct run (23246 and 9297 per iteration).

Usage: richards.py [ITERATIONS]   (written for Krait's benchmark suite; imports only sys)
"""
import sys

# bench-sizes: default=16 quick=2

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4

# task state bits
ST_RUNNABLE = 1   # has a packet waiting
ST_SUSPENDED = 2  # waiting for a packet
ST_HELD = 4       # held by another task


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        """Put this packet at the end of `queue`, return the new queue head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        nxt = last.link
        while nxt is not None:
            last = nxt
            nxt = last.link
        last.link = self
        return queue


class Tcb:
    """A task control block: the scheduler's view of one task."""

    def __init__(self, link, ident, priority, queue, task):
        self.link = link
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.task = task
        if queue is None:
            self.state = ST_SUSPENDED
        else:
            self.state = ST_SUSPENDED | ST_RUNNABLE

    def blocked(self):
        return (self.state & ST_HELD) != 0 or self.state == ST_SUSPENDED

    def run(self):
        if self.state == ST_SUSPENDED | ST_RUNNABLE:
            pkt = self.queue
            self.queue = pkt.link
            self.state = 0 if self.queue is None else ST_RUNNABLE
        else:
            pkt = None
        return self.task.step(pkt)

    def enqueue(self, current, pkt):
        """Deliver a packet to this task; return the task to run next."""
        if self.queue is None:
            self.queue = pkt
            self.state |= ST_RUNNABLE
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return current


class Scheduler:
    def __init__(self):
        self.queue_count = 0
        self.hold_count = 0
        self.table = [None] * 6
        self.head = None
        self.current = None
        self.current_id = 0

    def add(self, ident, priority, queue, task):
        tcb = Tcb(self.head, ident, priority, queue, task)
        self.head = tcb
        self.table[ident] = tcb
        self.current = tcb
        return tcb

    def run(self):
        tcb = self.head
        while tcb is not None:
            if tcb.blocked():
                tcb = tcb.link
            else:
                self.current = tcb
                self.current_id = tcb.ident
                tcb = tcb.run()

    # services offered to tasks
    def release(self, ident):
        tcb = self.table[ident]
        tcb.state &= ~ST_HELD
        if tcb.priority > self.current.priority:
            return tcb
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state |= ST_HELD
        return self.current.link

    def wait(self):
        self.current.state |= ST_SUSPENDED
        return self.current

    def send(self, pkt):
        target = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current_id
        return target.enqueue(self.current, pkt)


class IdleTask:
    def __init__(self, sched, seed, count):
        self.sched = sched
        self.seed = seed
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask:
    def __init__(self, sched):
        self.sched = sched
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        data = pkt.data
        for i in range(BUFSIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.sched.send(pkt)


class HandlerTask:
    def __init__(self, sched):
        self.sched = sched
        self.work = None
        self.devices = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.datum
            if n < BUFSIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[n]
                    work.datum = n + 1
                    return self.sched.send(dev)
            else:
                self.work = work.link
                return self.sched.send(work)
        return self.sched.wait()


class DeviceTask:
    def __init__(self, sched):
        self.sched = sched
        self.pending = None

    def step(self, pkt):
        if pkt is None:
            pending = self.pending
            if pending is None:
                return self.sched.wait()
            self.pending = None
            return self.sched.send(pending)
        self.pending = pkt
        return self.sched.hold_self()


def make_queue(ident, kind, n):
    q = None
    for _ in range(n):
        q = Packet(q, ident, kind)
    return q


def simulate():
    s = Scheduler()
    idle = s.add(IDLE, 0, None, IdleTask(s, 1, 10000))
    idle.state = 0  # the idle task starts running
    s.add(WORKER, 1000, make_queue(WORKER, KIND_WORK, 2), WorkerTask(s))
    s.add(HANDLER_A, 2000, make_queue(DEVICE_A, KIND_DEVICE, 3), HandlerTask(s))
    s.add(HANDLER_B, 3000, make_queue(DEVICE_B, KIND_DEVICE, 3), HandlerTask(s))
    s.add(DEVICE_A, 4000, None, DeviceTask(s))
    s.add(DEVICE_B, 5000, None, DeviceTask(s))
    s.run()
    return s.queue_count, s.hold_count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    total_q = total_h = 0
    for _ in range(n):
        q, h = simulate()
        total_q += q
        total_h += h
    print("richards", n, "queued", total_q, "held", total_h)


main()
