//! The relay (wit/engine/relay.wit): SQL an extension runs from inside a
//! call SQLite made, served by sqlite-core itself.
//!
//! sqlite-core is running the statement that made the call and cannot be
//! entered again. So a call of an extension granted `spi` runs on a relay
//! worker, a thread of its own: when the extension asks for SQL, the worker
//! waits, and the import call returns [`SUSPENDED`] to sqlite-core, which
//! takes the request (`next`), runs it on its connection and answers it
//! (`reply`), letting the worker go on; once the extension has returned,
//! sqlite-core makes the same import call again and gets what it returned.
//! Calls nest (the SQL served may call another such extension): each
//! suspended call is a frame, and sqlite-core always serves the innermost.
//!
//! Extensions without the grant never run SQL, so their calls run inline
//! on the calling thread, as before: the relay costs them nothing.

use super::wit::sqlink::engine::relay::{Answer, Host, Request};
use crate::error::Error;
use crate::wit::SqlError;
use std::any::Any;
use std::cell::RefCell;
use std::sync::mpsc::{Receiver, Sender, channel};

/// The code a suspended call returns to sqlite-core (no SQLite result code
/// is this).
pub(crate) const SUSPENDED: i32 = i32::MIN;

/// What a call run on the relay came to: its result, or suspended.
pub(crate) enum Relayed<T> {
    Done(Result<T, SqlError>),
    Suspended,
}

impl<T> Relayed<T> {
    /// The result, a suspended call standing as an error with code
    /// [`SUSPENDED`] (as a `result<_, sql-error>` import reports it).
    pub(crate) fn or_suspended(self) -> Result<T, SqlError> {
        match self {
            Relayed::Done(r) => r,
            Relayed::Suspended => Err(SqlError { code: SUSPENDED, message: String::new() }),
        }
    }
}

/// A call's result, its type erased while it waits for the call to be made
/// again.
type Output = Result<Box<dyn Any + Send>, SqlError>;
type Job = Box<dyn FnOnce() -> Output + Send>;

/// What a worker reports.
enum Event {
    Returned(Output),
    Wants(Request),
}

/// A thread that runs calls which may suspend, one at a time.
struct Worker {
    jobs: Sender<Job>,
    answers: Sender<Answer>,
    events: Receiver<Event>,
}

/// Wasm code runs on the worker with the stack it has on the main thread.
const WORKER_STACK: usize = 8 << 20;

thread_local! {
    /// On a worker: where its requests go and their answers come from.
    static LINK: RefCell<Option<(Sender<Event>, Receiver<Answer>)>> = const { RefCell::new(None) };
}

fn lost() -> SqlError {
    SqlError { code: 1, message: "the thread running the extension's call stopped".into() }
}

impl Worker {
    fn spawn() -> Result<Worker, SqlError> {
        let (jobs, job_queue) = channel::<Job>();
        let (answers, answer_queue) = channel::<Answer>();
        let (report, events) = channel::<Event>();
        std::thread::Builder::new()
            .name("sqlink-relay".into())
            .stack_size(WORKER_STACK)
            .spawn(move || {
                LINK.with(|l| *l.borrow_mut() = Some((report.clone(), answer_queue)));
                for job in job_queue {
                    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))
                        .unwrap_or_else(|_| Err(SqlError { code: 1, message: "the extension's call failed in the host (a panic)".into() }));
                    if report.send(Event::Returned(out)).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| SqlError { code: 1, message: format!("cannot start a thread for the extension's call: {e}") })?;
        Ok(Worker { jobs, answers, events })
    }

    fn wait(&self) -> Event {
        self.events.recv().unwrap_or_else(|_| Event::Returned(Err(lost())))
    }
}

/// Whether the current thread is a relay worker (SQL goes through [`ask`]).
pub(crate) fn on_worker() -> bool {
    LINK.with(|l| l.borrow().is_some())
}

/// From a worker: has sqlite-core serve `request`, waiting for its answer.
pub(crate) fn ask(request: Request) -> Result<Answer, Error> {
    LINK.with(|l| {
        let link = l.borrow();
        let (events, answers) = link.as_ref().ok_or_else(|| Error::new("not running on a relay worker"))?;
        events.send(Event::Wants(request)).map_err(|_| Error::new("the engine stopped serving the extension's SQL"))?;
        answers.recv().map_err(|_| Error::new("the engine stopped serving the extension's SQL"))
    })
}

/// One suspended call.
struct Frame {
    worker: Worker,
    state: State,
}

enum State {
    /// It asked for SQL that sqlite-core has not taken yet.
    Wants(Request),
    /// sqlite-core is running its SQL.
    Serving,
    /// It returned; the import call made again gets this.
    Returned(Output),
}

/// The suspended calls, innermost last, and idle workers.
#[derive(Default)]
pub(crate) struct Relay {
    frames: Vec<Frame>,
    idle: Vec<Worker>,
}

fn unbox<T: 'static>(out: Output) -> Result<T, SqlError> {
    let value = out?;
    value
        .downcast::<T>()
        .map(|v| *v)
        .map_err(|_| SqlError { code: 1, message: "sqlite-core made another call than the one suspended".into() })
}

impl Relay {
    /// Runs `call` on a worker. A call made again after it returned gets
    /// what it returned.
    pub(crate) fn call<T: Send + 'static>(&mut self, call: impl FnOnce() -> Result<T, SqlError> + Send + 'static) -> Relayed<T> {
        if let Some(Frame { state: State::Returned(_), .. }) = self.frames.last() {
            let frame = self.frames.pop().expect("a frame");
            self.idle.push(frame.worker);
            let State::Returned(out) = frame.state else { unreachable!() };
            return Relayed::Done(unbox(out));
        }
        let worker = match self.idle.pop() {
            Some(w) => w,
            None => match Worker::spawn() {
                Ok(w) => w,
                Err(e) => return Relayed::Done(Err(e)),
            },
        };
        let job: Job = Box::new(move || call().map(|v| Box::new(v) as Box<dyn Any + Send>));
        if worker.jobs.send(job).is_err() {
            return Relayed::Done(Err(lost()));
        }
        match worker.wait() {
            Event::Returned(out) => {
                self.idle.push(worker);
                Relayed::Done(unbox(out))
            }
            Event::Wants(request) => {
                self.frames.push(Frame { worker, state: State::Wants(request) });
                Relayed::Suspended
            }
        }
    }
}

impl Host for super::imports::CoreState {
    fn next(&mut self) -> Option<Request> {
        let frame = self.relay.frames.last_mut()?;
        match std::mem::replace(&mut frame.state, State::Serving) {
            State::Wants(request) => Some(request),
            other => {
                frame.state = other;
                None
            }
        }
    }

    fn reply(&mut self, answer: Answer) {
        let Some(frame) = self.relay.frames.last_mut() else { return };
        if !matches!(frame.state, State::Serving) {
            return;
        }
        let event = match frame.worker.answers.send(answer) {
            Ok(()) => frame.worker.wait(),
            Err(_) => Event::Returned(Err(lost())),
        };
        frame.state = match event {
            Event::Returned(out) => State::Returned(out),
            Event::Wants(request) => State::Wants(request),
        };
    }
}
