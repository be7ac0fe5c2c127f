"""Drive the CLI in a real pseudo-terminal: wait for each prompt text, then type keys.

usage: python3 wizard-pty.py <cwd> <node> <cli.js> -- <expect> <keys> [<expect> <keys> ...]
Keys use Python escapes: "\\r" Enter, "\\x1b[B" down arrow, " " toggle, "\\x03" Ctrl+C.
Prints everything the CLI wrote, then exits with the CLI's exit code.
"""
import os, pty, select, sys, time

cwd, node, cli_js = sys.argv[1:4]
steps = sys.argv[5:]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.environ["NO_COLOR"] = "1"
    os.execv(node, [node, cli_js, "init"])

output = b""
def read_until(text, timeout=20.0):
    global output
    deadline = time.time() + timeout
    while text.encode() not in output:
        if time.time() > deadline:
            sys.stdout.write(output.decode(errors="replace"))
            sys.exit(f"timed out waiting for {text!r}")
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                output += os.read(fd, 4096)
            except OSError:
                break

for expect, keys in zip(steps[0::2], steps[1::2]):
    read_until(expect)
    output = output[output.index(expect.encode()) + len(expect):]
    time.sleep(0.05)
    os.write(fd, keys.encode().decode("unicode_escape").encode())

rest = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    rest += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(rest.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
