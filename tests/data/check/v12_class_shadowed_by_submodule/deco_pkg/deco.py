def run_now(function):
    function()
    return function
