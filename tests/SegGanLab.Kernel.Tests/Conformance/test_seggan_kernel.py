"""Jupyter's own kernel conformance suite (Debian's python3-jupyter-kernel-test) against the
SegGanLab kernel. KernelConformanceTests.cs installs the kernelspec into a temporary
JUPYTER_PATH and runs this file with `/usr/bin/python3 -m unittest`."""

import unittest

import jupyter_kernel_test

# How long execute_helper waits for each iopub message of a request. The suite allows 1 s for
# busy and 0.1 s between the later messages, which on a loaded machine measures the scheduler,
# not the kernel. The kernel sends every iopub message of a request (idle last) before its reply,
# so for a conforming kernel waiting longer changes nothing; message order and content are still
# checked by the suite itself.
IOPUB_PATIENCE = 10.0


class SegGanKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "seggan"

    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("something went wrong");'

    completion_samples = [
        {"text": "Math.Ab", "matches": {"Abs"}},
        {"text": "torch.ones_l", "matches": {"ones_like"}},
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
    ]

    complete_code_samples = ["1 + 1", "var x = 1;", "for (var i = 0; i < 2; i++) { }", "int F(int a) => a;"]
    incomplete_code_samples = ["for (var i = 0; i < 2; i++) {", "var s = \"open", "int F(int a)\n{"]
    invalid_code_samples = ["var x = );", "int 5x = 1;"]

    code_page_something = 'Page("SegGanLab help");'

    code_generate_error = 'throw new InvalidOperationException("expected failure");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "ones(2, 2).sum().item<float>()", "result": "4"},
        {"code": "\"seg\" + \"gan\"", "result": "seggan"},
    ]

    code_display_data = [
        {"code": 'Display(new MimeBundle().Add("text/html", "<b>bold</b>"));', "mime": "text/html"},
        {"code": "Display(zeros(2));", "mime": "text/plain"},
    ]

    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "torch.zeros"

    code_clear_output = "ClearOutput();"

    def execute_helper(self, *args, **kwargs):
        channel = self.kc.iopub_channel
        get_msg = channel.get_msg

        async def patient_get_msg(timeout=None):
            return await get_msg(timeout=None if timeout is None else max(timeout, IOPUB_PATIENCE))

        channel.get_msg = patient_get_msg
        try:
            return super().execute_helper(*args, **kwargs)
        finally:
            del channel.get_msg


if __name__ == "__main__":
    unittest.main()
