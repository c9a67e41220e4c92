package unboundedqueue

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/bplint/bplint/internal/blocked"
)

// fanIn reports the senders that internal/blocked finds left blocked
// forever: a path of the receiving function that stops receiving while
// more senders than the channel's buffer are still to send.
func (u *checker) fanIn() {
	res, _ := u.pass.ResultOf[blocked.Analyzer].(*blocked.Result)
	if res == nil {
		return
	}
	for _, l := range res.Leaks {
		u.rep.Report(u.fanInDiagnostic(l))
	}
}

func (u *checker) fanInDiagnostic(l *blocked.Leak) analysis.Diagnostic {
	line := func(p token.Pos) int { return u.pass.Fset.Position(p).Line }
	several := l.Pending != 1
	var what string
	switch {
	case l.SendReturned && l.Send.IsValid():
		what = fmt.Sprintf("the send in the function %s returns, at line %d, blocks forever", l.SendFunc, line(l.Send))
	case l.SendFunc != "" && l.Send.IsValid():
		what = fmt.Sprintf("the send in %s's goroutine at line %d blocks forever", l.SendFunc, line(l.Send))
	case l.SendFunc != "":
		what = fmt.Sprintf("the goroutine that %s starts blocks forever on its send", l.SendFunc)
	case several && l.Send.IsValid():
		what = fmt.Sprintf("the sends on %s at line %d block forever", l.Chan, line(l.Send))
	case l.Send.IsValid() && l.SendSites > 1:
		// The goroutine may block on any of its sends: the first names them.
		what = fmt.Sprintf("the send on %s at line %d (or another of its %d sends) blocks forever", l.Chan, line(l.Send), l.SendSites)
	case l.Send.IsValid():
		what = fmt.Sprintf("the send on %s at line %d blocks forever", l.Chan, line(l.Send))
	default:
		what = fmt.Sprintf("the senders on %s block forever", l.Chan)
	}
	per := "call"
	// Messages stay short (SPEC section 2): a long name of the receiving
	// function (a test's, most often) is left to the position, and a
	// case's call arguments to the related information.
	fn := l.Func
	if len(fn) > maxNameInMessage {
		fn = "the receiver"
	}
	when := fmt.Sprintf("when %s %s at line %d", fn, l.How, line(l.Leave))
	if !l.Leave.IsValid() {
		when = fmt.Sprintf("when %s %s", fn, l.How)
	}
	if l.How == "moves on to the next iteration" {
		per = "iteration"
		if l.Case != "" {
			when = fmt.Sprintf("when %s %s", fn, l.How) // the case says where
		}
	}
	if l.Case != "" {
		when += fmt.Sprintf(" after the %s case", shortCase(l.Case))
	}
	consequence := fmt.Sprintf("one goroutine leaks per %s", per)
	if several && !l.OneGoroutine {
		consequence = fmt.Sprintf("its goroutines leak on every %s", per)
	}
	remedy := "make the senders select on the way out, or drain them"
	if l.Fix != nil {
		remedy = fmt.Sprintf("buffer the channel for every sender (capacity %s)", l.Capacity)
	}
	d := analysis.Diagnostic{
		Pos: l.Pos, End: l.End, Category: ruleFanIn,
		Message: fmt.Sprintf("%s %s: %s; %s", what, when, consequence, remedy),
	}
	if l.Send.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Send, Message: "this send blocks forever"})
	}
	if l.Waits.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Waits, Message: "the caller waits for the channel here"})
	}
	if l.CasePos.IsValid() && l.Case != "" {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.CasePos, Message: "the receiver takes this case"})
	}
	if l.Leave.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Leave, Message: "and leaves here"})
	}
	if l.Fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "buffer the channel for every sender", TextEdits: []analysis.TextEdit{*l.Fix}}}
	}
	return d
}

// maxNameInMessage is the longest function name a fan-in message spells
// out; a longer one is "the receiver" (the finding's position names it).
const maxNameInMessage = 24

// shortCase abbreviates the text of a select case for a message: the
// arguments of a call are elided once the text is long
// (<-time.After(scaleDuration(10 * time.Millisecond)) is <-time.After(...)).
func shortCase(text string) string {
	const max = 32
	if len(text) <= max {
		return text
	}
	open := strings.IndexByte(text, '(')
	if open < 0 || !strings.HasSuffix(text, ")") || open+1 == len(text)-1 {
		return text
	}
	return text[:open+1] + "..." + ")"
}

// The syntax helpers below were part of the syntax-based fan-in check;
// queue.go and spawn.go use them.

// funcBody returns the body of a FuncDecl or FuncLit, or nil.
func funcBody(n ast.Node) *ast.BlockStmt {
	switch f := n.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

func loopBody(n ast.Node) *ast.BlockStmt {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Body
	case *ast.RangeStmt:
		return l.Body
	}
	return nil
}
