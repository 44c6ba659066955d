(function (fixed) {
  "use strict";
  var Real = window.Date;
  function PreviewDate() {
    var args = Array.prototype.slice.call(arguments);
    return args.length ? new (Function.prototype.bind.apply(Real, [null].concat(args)))() : new Real(fixed);
  }
  PreviewDate.prototype = Real.prototype;
  PreviewDate.now = function () { return fixed; };
  PreviewDate.UTC = Real.UTC;
  PreviewDate.parse = Real.parse;
  window.Date = PreviewDate;
})(GUIDEPOST_FIXED_NOW);
