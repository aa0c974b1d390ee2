/* Runs before the compare page paints (a classic script in <head>): marks that scripts run, and
   whether the URL names models, so CSS reserves the table's space and hides the no-script notes. */
document.documentElement.classList.add('js');
if (/[?&](models|compare)=[^&]/.test(location.search)) document.documentElement.classList.add('compare-has-models');
